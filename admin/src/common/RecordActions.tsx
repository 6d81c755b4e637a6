import RestoreIcon from '@mui/icons-material/Restore';
import SendIcon from '@mui/icons-material/Send';
import { Button, EditButton, TopToolbar, useCanAccess, useNotify, useRecordContext, useRefresh, useResourceContext } from 'react-admin';

import { useApi } from '../providers/useApi';

/** What an editor can do with a record from its page: edit, send to review, bring back from deletion. */
export function RecordActions({ children }: { children?: React.ReactNode }) {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const { canAccess: mayEdit } = useCanAccess({ resource, action: 'edit', record });
  const api = useApi();
  const notify = useNotify();
  const refresh = useRefresh();
  if (!record) return <TopToolbar />;
  const reviewable = resource === 'claims' || resource === 'events';
  const submit = async () => {
    try {
      await api.submitForReview({ id: record.id, expectedVersion: record.version, comment: 'Sent from the console' });
      notify('Sent to review. A reviewer other than you will judge it.', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const restore = async () => {
    try {
      await api.restore(resource, { id: record.id, version: record.version, reason: 'Restored from the console' });
      notify('Restored.', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <TopToolbar>
      {mayEdit && reviewable && (record.status === 'DRAFT' || record.status === 'DISPUTED') && !record.deletedAt ? (
        <Button label="Send to review" onClick={submit}>
          <SendIcon />
        </Button>
      ) : null}
      {mayEdit && record.deletedAt ? (
        <Button label="Restore" onClick={restore}>
          <RestoreIcon />
        </Button>
      ) : null}
      {children}
      {mayEdit && !record.deletedAt ? <EditButton /> : null}
    </TopToolbar>
  );
}
