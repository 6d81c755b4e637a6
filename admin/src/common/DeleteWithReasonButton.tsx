import DeleteIcon from '@mui/icons-material/Delete';
import { Button as MuiButton, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, TextField } from '@mui/material';
import { useState } from 'react';
import { Button, useCanAccess, useDelete, useNotify, useRecordContext, useRedirect, useResourceContext, useTranslate } from 'react-admin';

/** How the button and its question read, as messages keys: a record is deleted, an API key revoked. */
const DELETE_WORDING = {
  label: 'console.common.delete.label',
  title: 'console.common.delete.title',
  explanation: 'console.common.delete.explanation',
  reasonLabel: 'console.common.delete.reasonLabel',
  done: 'console.common.delete.done',
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
  const translate = useTranslate();
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
        <DialogTitle>{translate(wording.title)}</DialogTitle>
        <DialogContent>
          <DialogContentText>{translate(wording.explanation)}</DialogContentText>
          <TextField
            autoFocus
            fullWidth
            margin="dense"
            label={translate(wording.reasonLabel)}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton color="error" disabled={!reason.trim() || isPending} onClick={confirm}>
            {translate(wording.label)}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
}
