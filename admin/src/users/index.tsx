import {
  BooleanField,
  BooleanInput,

  Create,
  CreateButton,
  Datagrid,
  DateField,
  email,
  List,
  minLength,
  PasswordInput,
  required,
  SearchInput,
  SelectArrayInput,
  SimpleForm,
  SimpleShowLayout,
  Show,

  TextField,
  TextInput,
  TopToolbar,
  EditButton,
  FunctionField,
} from 'react-admin';
import { ROLES } from '../common/choices';
import { CreateToolbar, EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';

function UserList() {
  return (
    <List filters={[<SearchInput key="q" source="q" alwaysOn placeholder="Name or address" />]} sort={{ field: 'name', order: 'ASC' }} actions={<TopToolbar><CreateButton /></TopToolbar>}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="email" />
        <FunctionField label="Roles" render={(r: any) => r.roles.join(', ') || 'none'} />
        <BooleanField source="disabled" />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}

function UserShow() {
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

function UserEdit() {
  return (
    <ProvenanceEdit title="Edit user">
      <SimpleForm toolbar={<EditToolbar deletable={false} />}>
        <TextInput source="name" validate={required()} />
        <SelectArrayInput source="roles" choices={ROLES} />
        <BooleanInput source="disabled" helperText="A disabled user cannot sign in, and their sessions stop at once." />
      </SimpleForm>
    </ProvenanceEdit>
  );
}

function UserCreate() {
  return (
    <Create redirect="list" title="New user">
      <SimpleForm toolbar={<CreateToolbar />}>
        <TextInput source="email" validate={[required(), email()]} />
        <TextInput source="name" validate={required()} />
        <SelectArrayInput source="roles" choices={ROLES} defaultValue={['EDITOR']} />
        <PasswordInput source="password" validate={[required(), minLength(12)]} helperText="At least 12 characters; they can change it after signing in." />
      </SimpleForm>
    </Create>
  );
}

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, recordRepresentation: 'name' };
