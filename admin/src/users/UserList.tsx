import { BooleanField, CreateButton, Datagrid, DateField, FunctionField, List, SearchInput, TextField, TopToolbar } from 'react-admin';

import { FocusableRows } from '../common/FocusableRows';
import type { UserRecord } from '../providers/resources';

export function UserList() {
  return (
    <List
      filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Name or address" />]}
      sort={{ field: 'name', order: 'ASC' }}
      actions={
        <TopToolbar>
          <CreateButton />
        </TopToolbar>
      }
    >
      <Datagrid body={FocusableRows} rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField<UserRecord> label="Roles" render={(r) => r.roles.join(', ') || 'none'} />
        <BooleanField source="disabled" />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
