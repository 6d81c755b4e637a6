import MergeIcon from '@mui/icons-material/MergeType';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useNotify, useRecordContext, useRedirect, useTranslate } from 'react-admin';

import { useApi } from '../providers/useApi';
import { EntityAutocomplete, type PickedEntity } from './EntityAutocomplete';

/**
 * Merges the entity shown into another (the one that remains): its names become aliases, claims and events that
 * name it are repointed, and it stays as a redirect. Every record touched gets a MERGE revision.
 */
export function MergeButton() {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource: 'entities', action: 'edit', record });
  const [open, setOpen] = useState(false);
  const [winner, setWinner] = useState<PickedEntity | null>(null);
  const [reason, setReason] = useState('');
  const notify = useNotify();
  const redirect = useRedirect();
  const api = useApi();
  const translate = useTranslate();
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
      notify('console.entities.merge.done', { type: 'success', messageArgs: { name: winner.name } });
      setOpen(false);
      redirect('show', 'entities', winner.id);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <Button label="console.entities.merge.button" onClick={() => setOpen(true)}>
        <MergeIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth>
        <DialogTitle>{translate('console.entities.merge.title', { name: record.name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.entities.merge.explanation', { name: record.name })}</DialogContentText>
          <EntityAutocomplete label={translate('console.entities.merge.winner')} enabled={open} exclude={record.id} onChange={setWinner} />
          <TextField
            fullWidth
            margin="normal"
            label={translate('console.entities.merge.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!winner || !reason.trim()} onClick={merge}>
            {translate('console.entities.merge.merge')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
