import RestoreIcon from '@mui/icons-material/Restore';
import SendIcon from '@mui/icons-material/Send';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import {
  Button,
  EditButton,
  TopToolbar,
  useCanAccess,
  useNotify,
  useRecordContext,
  useRefresh,
  useResourceContext,
  useTranslate,
} from 'react-admin';

import { useApi } from '../providers/useApi';

type Step = 'submit' | 'restore';

/**
 * What each step asks for, its words under `console.common.recordActions.<step>`: a note is kept in the history
 * beside the step, so the console never writes one for you.
 */
const OPTIONAL_NOTE: Record<Step, boolean> = { submit: true, restore: false };

/** What an editor can do with a record from its page: edit, send to review, bring back from deletion. */
export function RecordActions({ children }: { children?: React.ReactNode }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const { canAccess: mayEdit } = useCanAccess({ resource, action: 'edit', record });
  const api = useApi();
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [asking, setAsking] = useState<Step | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  if (!record) return <TopToolbar />;
  const reviewable = resource === 'claims' || resource === 'events';
  const ask = (step: Step) => {
    setNote('');
    setAsking(step);
  };
  const run = async (step: Step) => {
    setBusy(true);
    try {
      if (step === 'submit') await api.submitForReview({ id: record.id, expectedVersion: record.version, comment: note.trim() || null });
      else await api.restore(resource, { id: record.id, version: record.version, reason: note.trim() });
      notify(`console.common.recordActions.${step}.done`, { type: 'success' });
      setAsking(null);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const words = (key: string) => translate(`console.common.recordActions.${asking}.${key}`);
  return (
    <TopToolbar>
      {mayEdit && reviewable && (record.status === 'DRAFT' || record.status === 'DISPUTED') && !record.deletedAt ? (
        <Button label="console.common.recordActions.submit.action" onClick={() => ask('submit')}>
          <SendIcon />
        </Button>
      ) : null}
      {mayEdit && record.deletedAt ? (
        <Button label="console.common.recordActions.restore.action" onClick={() => ask('restore')}>
          <RestoreIcon />
        </Button>
      ) : null}
      {children}
      {mayEdit && !record.deletedAt ? <EditButton /> : null}
      {asking ? (
        <Dialog open onClose={() => setAsking(null)} fullWidth maxWidth="sm">
          <DialogTitle>{words('title')}</DialogTitle>
          <DialogContent>
            <DialogContentText>{words('explanation')}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              multiline
              label={words('field')}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setAsking(null)}>{translate('ra.action.cancel')}</MuiButton>
            <MuiButton variant="contained" disabled={busy || (!OPTIONAL_NOTE[asking] && !note.trim())} onClick={() => run(asking)}>
              {words('action')}
            </MuiButton>
          </DialogActions>
        </Dialog>
      ) : null}
    </TopToolbar>
  );
}
