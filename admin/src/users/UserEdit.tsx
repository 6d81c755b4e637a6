import { BooleanInput, required, SelectArrayInput, SimpleForm, TextInput } from 'react-admin';

import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { ROLE_CHOICES } from './choices';

export function UserEdit() {
  return (
    <ProvenanceEdit title="console.users.edit.title">
      <SimpleForm toolbar={<EditToolbar deletable={false} />} warnWhenUnsavedChanges>
        <TextInput source="name" validate={required()} />
        <SelectArrayInput source="roles" choices={ROLE_CHOICES} />
        <BooleanInput source="disabled" helperText="console.users.edit.disabledHelp" />
      </SimpleForm>
    </ProvenanceEdit>
  );
}
