import { BooleanField, DateField, EditButton, FunctionField, Show, SimpleShowLayout, TextField, TopToolbar } from 'react-admin';

import type { UserRecord } from '../providers/resources';

export function UserShow() {
  return (
    <Show
      actions={
        <TopToolbar>
          <EditButton />
        </TopToolbar>
      }
    >
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField<UserRecord> label="Roles" render={(r) => r.roles.join(', ') || 'none'} />
        <BooleanField source="disabled" />
        <DateField source="createdAt" showTime />
        <TextField source="version" />
        <FunctionField<UserRecord> label="What they changed" render={(r) => <a href={`#/?actor=user:${r.id}`}>their latest changes</a>} />
      </SimpleShowLayout>
    </Show>
  );
}
