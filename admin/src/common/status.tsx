import { Chip, type ChipProps } from '@mui/material';
import { useRecordContext } from 'react-admin';

import { label } from './choices';

/** One colour per review status, shared by chips, highlights in the reader and the dashboard. */
export const STATUS_COLOURS: Record<string, string> = {
  DRAFT: '#8a8f98',
  IN_REVIEW: '#c77700',
  VERIFIED: '#2e7d32',
  DISPUTED: '#b23c17',
  REJECTED: '#6d1b1b',
  RETRACTED: '#5b3a8c',
};

export const ANCHOR_COLOURS: Record<string, string> = { ANCHORED: '#2e7d32', FUZZY: '#c77700', ORPHANED: '#b71c1c' };

export function StatusChip({ status, size = 'small', ...props }: { status: string } & ChipProps) {
  const colour = STATUS_COLOURS[status] ?? ANCHOR_COLOURS[status] ?? '#555';
  return (
    <Chip size={size} label={label(status)} sx={{ bgcolor: colour, color: '#fff', fontWeight: 500 }} data-status={status} {...props} />
  );
}

export function StatusField({ source = 'status' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const status = record?.[source];
  if (!status) return null;
  return (
    <>
      <StatusChip status={status} />
      {record?.deletedAt ? <Chip size="small" label="Deleted" variant="outlined" color="error" sx={{ ml: 0.5 }} /> : null}
    </>
  );
}
