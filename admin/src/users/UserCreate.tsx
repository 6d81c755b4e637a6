import { Create, email, minLength, PasswordInput, required, SelectArrayInput, SimpleForm, TextInput } from 'react-admin';

import { ROLES } from '../common/choices';

export function UserCreate() {
  return (
    <Create redirect="list" title="New user">
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="email" validate={[required(), email()]} />
        <TextInput source="name" validate={required()} />
        <SelectArrayInput source="roles" choices={ROLES} defaultValue={['EDITOR']} validate={required('Give at least one role.')} />
        <PasswordInput
          source="password"
          validate={[required(), minLength(12)]}
          helperText="At least 12 characters; they can change it after signing in."
        />
      </SimpleForm>
    </Create>
  );
}
