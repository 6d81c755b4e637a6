import { BooleanInput, required, SelectArrayInput, SimpleForm, TextInput } from 'react-admin';

import { ROLES } from '../common/choices';
import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';

export function UserEdit() {
  return (
    <ProvenanceEdit title="Edit user">
      <SimpleForm toolbar={<EditToolbar deletable={false} />} warnWhenUnsavedChanges>
        <TextInput source="name" validate={required()} />
        <SelectArrayInput source="roles" choices={ROLES} />
        <BooleanInput source="disabled" helperText="A disabled user cannot sign in, and their sessions stop at once." />
      </SimpleForm>
    </ProvenanceEdit>
  );
}
