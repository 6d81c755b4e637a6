import { Create, email, minLength, PasswordInput, required, SelectArrayInput, SimpleForm, TextInput } from 'react-admin';

import { ROLE_CHOICES } from './choices';

export function UserCreate() {
  return (
    <Create redirect="list" title="console.users.create.title">
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="email" validate={[required(), email()]} />
        <TextInput source="name" validate={required()} />
        <SelectArrayInput
          source="roles"
          choices={ROLE_CHOICES}
          defaultValue={['EDITOR']}
          validate={required('console.users.create.rolesRequired')}
        />
        <PasswordInput source="password" validate={[required(), minLength(12)]} helperText="console.users.create.passwordHelp" />
      </SimpleForm>
    </Create>
  );
}
