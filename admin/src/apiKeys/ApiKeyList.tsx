import { CreateButton, Datagrid, DateField, FunctionField, List, TextField, TopToolbar } from 'react-admin';

import { DeleteWithReasonButton } from '../common/DeleteWithReasonButton';
import type { ApiKeyRecord } from '../providers/resources';

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
        <DateField source="expiresAt" emptyText="never" />
        <FunctionField<ApiKeyRecord>
          label="State"
          render={(r) => (r.revokedAt ? `revoked ${new Date(r.revokedAt).toLocaleDateString()}` : 'active')}
        />
        <FunctionField<ApiKeyRecord> render={(r) => (r.revokedAt ? null : <DeleteWithReasonButton />)} />
      </Datagrid>
    </List>
  );
}
