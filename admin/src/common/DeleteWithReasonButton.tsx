import DeleteIcon from '@mui/icons-material/Delete';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDelete, useNotify, useRecordContext, useRedirect, useResourceContext } from 'react-admin';

/** How the button and its question read: a record is deleted, an API key revoked. */
const DELETE_WORDING = {
  label: 'Delete',
  title: 'Delete this record?',
  explanation: 'Nothing is erased: the record leaves lists, keeps its history and can be restored.',
  reasonLabel: 'Why is it deleted?',
  done: 'Deleted. It stays in the history and can be restored.',
};

/** Deletes are soft and carry a reason, so the button asks for one; the record can be restored from its page. */
export function DeleteWithReasonButton({ wording = DELETE_WORDING }: { wording?: typeof DELETE_WORDING }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const { canAccess } = useCanAccess({ resource, action: 'delete', record });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [remove, { isPending }] = useDelete();
  const notify = useNotify();
  const redirect = useRedirect();
  if (!record || record.deletedAt || !canAccess) return null;
  const confirm = () =>
    remove(
      resource,
      { id: record.id, previousData: record, meta: { reason } },
      {
        mutationMode: 'pessimistic',
        onSuccess: () => {
          notify(wording.done, { type: 'info' });
          redirect('list', resource);
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <>
      <Button label={wording.label} color="error" onClick={() => setOpen(true)}>
        <DeleteIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>{wording.title}</DialogTitle>
        <DialogContent>
          <DialogContentText>{wording.explanation}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={wording.reasonLabel}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
          <MuiButton color="error" disabled={!reason.trim() || isPending} onClick={confirm}>
            {wording.label}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
