import { CreateButton, Datagrid, DateField, FunctionField, List, TextField, TopToolbar } from 'react-admin';
import { DeleteWithReasonButton } from '../common/DeleteWithReasonButton';

export function ApiKeyList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} actions={<TopToolbar><CreateButton label="New key" /></TopToolbar>}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField label="Key" render={(r: any) => <code>{r.prefix}…</code>} />
        <DateField source="createdAt" label="Made" />
        <DateField source="expiresAt" emptyText="never" />
        <FunctionField label="State" render={(r: any) => (r.revokedAt ? `revoked ${new Date(r.revokedAt).toLocaleDateString()}` : 'active')} />
        <FunctionField render={(r: any) => (r.revokedAt ? null : <DeleteWithReasonButton />)} />
      </Datagrid>
    </List>
  );
}
