import DeleteIcon from '@mui/icons-material/Delete';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDelete, useNotify, useRecordContext, useRedirect, useResourceContext } from 'react-admin';

/** Deletes are soft and carry a reason, so the button asks for one; the record can be restored from its page. */
export function DeleteWithReasonButton() {
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
          notify('Deleted. It stays in the history and can be restored.', { type: 'info' });
          redirect('list', resource);
        },
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      },
    );
  return (
    <>
      <Button label="Delete" color="error" onClick={() => setOpen(true)}>
        <DeleteIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)}>
        <DialogTitle>Delete this record?</DialogTitle>
        <DialogContent>
          <DialogContentText>Nothing is erased: the record leaves lists, keeps its history and can be restored.</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label="Why is it deleted?"
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>Cancel</MuiButton>
          <MuiButton color="error" disabled={!reason.trim() || isPending} onClick={confirm}>
            Delete
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
