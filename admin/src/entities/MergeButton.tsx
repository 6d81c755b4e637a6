import MergeIcon from '@mui/icons-material/MergeType';
import {
  Autocomplete,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogContentText,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useGetList, useNotify, useRecordContext, useRedirect } from 'react-admin';

import { useApi } from '../providers/useApi';

/**
 * Merges the entity shown into another (the one that remains): its names become aliases, claims and events that
 * name it are repointed, and it stays as a redirect. Every record touched gets a MERGE revision.
 */
export function MergeButton() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'entities', action: 'edit', record });
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const [winner, setWinner] = useState<{ id: string; name: string; version: number } | null>(null);
  const [reason, setReason] = useState('');
  const notify = useNotify();
  const redirect = useRedirect();
  const api = useApi();
  const candidates = useGetList(
    'entities',
    { filter: query.trim() ? { q: query } : {}, pagination: { page: 1, perPage: 20 } },
    { enabled: open },
  );
  if (!record || record.deletedAt || record.mergedInto || !canAccess) return null;
  const merge = async () => {
    if (!winner) return;
    try {
      await api.mergeEntities({
        winnerId: winner.id,
        winnerExpectedVersion: winner.version,
        loserId: String(record.id),
        loserExpectedVersion: record.version,
        reason,
      });
      notify(`Merged into ${winner.name}; this entity now redirects there.`, { type: 'success' });
      setOpen(false);
      redirect('show', 'entities', winner.id);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="Merge into…" onClick={() => setOpen(true)}>
        <MergeIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>Merge “{record.name}” into another entity</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            The other entity remains and takes “{record.name}” and its aliases as aliases; claims and events naming this one are repointed.
            This one stays as a redirect, and every record touched keeps the merge in its history.
          </DialogContentText>
          <Autocomplete
            options={(candidates.data ?? []).filter((e) => e.id !== record.id && !e.mergedInto)}
            getOptionLabel={(e) => `${e.name} (${String(e.kind).toLowerCase()})`}
            onInputChange={(_, value) => setQuery(value)}
            onChange={(_, value) => setWinner(value)}
            filterOptions={(options) => options}
            renderInput={(params) => <TextField {...params} label="The entity that remains" />}
          />
          <TextField fullWidth margin="normal" label="Why they are the same" value={reason} onChange={(e) => setReason(e.target.value)} />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
          <MuiButton variant="contained" disabled={!winner || !reason.trim()} onClick={merge}>
            Merge
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
