import RestoreIcon from '@mui/icons-material/Restore';
import SendIcon from '@mui/icons-material/Send';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, EditButton, TopToolbar, useCanAccess, useNotify, useRecordContext, useRefresh, useResourceContext } from 'react-admin';

import { useApi } from '../providers/useApi';

type Step = 'submit' | 'restore';

/** What each step asks for: a note is kept in the history beside the step, so the console never writes one for you. */
const STEPS: Record<Step, { title: string; explanation: string; field: string; optional: boolean; action: string; done: string }> = {
  submit: {
    title: 'Send to review?',
    explanation: 'A reviewer other than you will judge it. Your note is shown to them and kept in the history.',
    field: 'Note for the reviewer (optional)',
    optional: true,
    action: 'Send to review',
    done: 'Sent to review. A reviewer other than you will judge it.',
  },
  restore: {
    title: 'Restore this record?',
    explanation: 'It comes back to lists as it was when deleted; the reason is kept in its history.',
    field: 'Why is it restored?',
    optional: false,
    action: 'Restore',
    done: 'Restored.',
  },
};

/** What an editor can do with a record from its page: edit, send to review, bring back from deletion. */
export function RecordActions({ children }: { children?: React.ReactNode }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const { canAccess: mayEdit } = useCanAccess({ resource, action: 'edit', record });
  const api = useApi();
  const notify = useNotify();
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
      notify(STEPS[step].done, { type: 'success' });
      setAsking(null);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  const step = asking ? STEPS[asking] : null;
  return (
    <TopToolbar>
      {mayEdit && reviewable && (record.status === 'DRAFT' || record.status === 'DISPUTED') && !record.deletedAt ? (
        <Button label="Send to review" onClick={() => ask('submit')}>
          <SendIcon />
        </Button>
      ) : null}
      {mayEdit && record.deletedAt ? (
        <Button label="Restore" onClick={() => ask('restore')}>
          <RestoreIcon />
        </Button>
      ) : null}
      {children}
      {mayEdit && !record.deletedAt ? <EditButton /> : null}
      {asking && step ? (
        <Dialog open onClose={() => setAsking(null)} fullWidth maxWidth="sm">
          <DialogTitle>{step.title}</DialogTitle>
          <DialogContent>
            <DialogContentText>{step.explanation}</DialogContentText>
            <TextField
              autoFocus
              fullWidth
              margin="dense"
              multiline
              label={step.field}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          </DialogContent>
          <DialogActions>
            <MuiButton onClick={() => setAsking(null)}>Cancel</MuiButton>
            <MuiButton variant="contained" disabled={busy || (!step.optional && !note.trim())} onClick={() => run(asking)}>
              {step.action}
            </MuiButton>
          </DialogActions>
        </Dialog>
      ) : null}
    </TopToolbar>
  );
}
