import { CreateButton, Datagrid, DateField, FunctionField, List, TextField, TopToolbar } from 'react-admin';

import { DeleteWithReasonButton } from '../common/DeleteWithReasonButton';
import type { ApiKeyRecord } from '../providers/resources';

/** A key is revoked, not deleted: the apps using it are refused from then on, and it stays listed as revoked. */
const REVOKE_WORDING = {
  label: 'Revoke',
  title: 'Revoke this key?',
  explanation: 'Every client app using it is refused from the next request on. This cannot be undone: make a new key instead.',
  reasonLabel: 'Why is it revoked?',
  done: 'Key revoked: apps using it are refused.',
};

export function ApiKeyList() {
  return (
    <List
      sort={{ field: 'createdAt', order: 'DESC' }}
      actions={
        <TopToolbar>
          <CreateButton label="New key" />
        </TopToolbar>
      }
    >
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField<ApiKeyRecord> label="Key" render={(r) => <code>{r.prefix}…</code>} />
        <DateField source="createdAt" label="Made" />
        <DateField source="lastUsedAt" label="Last used" showTime emptyText="never" />
        <DateField source="expiresAt" emptyText="never" />
        <FunctionField<ApiKeyRecord>
          label="State"
          render={(r) => (r.revokedAt ? `revoked ${new Date(r.revokedAt).toLocaleDateString()}` : 'active')}
        />
        <FunctionField<ApiKeyRecord> render={(r) => (r.revokedAt ? null : <DeleteWithReasonButton wording={REVOKE_WORDING} />)} />
      </Datagrid>
    </List>
  );
}
