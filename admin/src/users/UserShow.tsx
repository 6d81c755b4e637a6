import { BooleanField, DateField, SimpleShowLayout, Show, TextField, TopToolbar, EditButton, FunctionField } from 'react-admin';

export function UserShow() {
  return (
    <Show actions={<TopToolbar><EditButton /></TopToolbar>}>
      <SimpleShowLayout>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField label="Roles" render={(r: any) => r.roles.join(', ') || 'none'} />
        <BooleanField source="disabled" />
        <DateField source="createdAt" showTime />
        <TextField source="version" />
        <FunctionField label="What they changed" render={(r: any) => <a href={`#/?actor=user:${r.id}`}>their latest changes</a>} />
      </SimpleShowLayout>
    </Show>
  );
}
