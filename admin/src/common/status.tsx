import CancelIcon from '@mui/icons-material/Cancel';
import CheckCircleIcon from '@mui/icons-material/CheckCircle';
import EditNoteIcon from '@mui/icons-material/EditNote';
import HourglassTopIcon from '@mui/icons-material/HourglassTop';
import LinkIcon from '@mui/icons-material/Link';
import LinkOffIcon from '@mui/icons-material/LinkOff';
import ReportProblemIcon from '@mui/icons-material/ReportProblem';
import UndoIcon from '@mui/icons-material/Undo';
import { Chip, type ChipProps, type SvgIconProps } from '@mui/material';
import type { ComponentType } from 'react';
import { useRecordContext, useTranslate } from 'react-admin';

import { ANCHOR_COLOURS, STATUS_COLOURS } from '../theme';
import { useVocabulary } from './vocabulary';

/** A shape per status beside its colour and its name, so no one needs to tell the colours apart (WCAG 1.4.1). */
const STATUS_ICONS: Record<string, ComponentType<SvgIconProps>> = {
  DRAFT: EditNoteIcon,
  IN_REVIEW: HourglassTopIcon,
  VERIFIED: CheckCircleIcon,
  DISPUTED: ReportProblemIcon,
  REJECTED: CancelIcon,
  RETRACTED: UndoIcon,
  ANCHORED: LinkIcon,
  FUZZY: ReportProblemIcon,
  ORPHANED: LinkOffIcon,
};

export function StatusIcon({ status, ...props }: { status: string } & SvgIconProps) {
  const Icon = STATUS_ICONS[status];
  return Icon ? <Icon aria-hidden {...props} /> : null;
}

export function StatusChip({ status, size = 'small', ...props }: { status: string } & ChipProps) {
  const vocabulary = useVocabulary();
  const colour = STATUS_COLOURS[status] ?? ANCHOR_COLOURS[status] ?? '#555';
  return (
    <Chip
      size={size}
      label={vocabulary(status)}
      icon={<StatusIcon status={status} />}
      sx={{ bgcolor: colour, color: '#fff', fontWeight: 500, '& .MuiChip-icon': { color: '#fff' } }}
      data-status={status}
      {...props}
    />
  );
}

export function StatusField({ source = 'status' }: { source?: string; label?: string; sortable?: boolean }) {
  const record = useRecordContext();
  const translate = useTranslate();
  const status = record?.[source];
  if (!status) return null;
  return (
    <>
      <StatusChip status={status} />
      {record?.deletedAt ? (
        <Chip size="small" label={translate('console.common.status.deleted')} variant="outlined" color="error" sx={{ ml: 0.5 }} />
      ) : null}
    </>
  );
}
