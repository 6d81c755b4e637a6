import { ArrayInput, required, SelectInput, SimpleForm, SimpleFormIterator, TextArrayInput, TextInput } from 'react-admin';

import { ENTITY_KIND_CHOICES } from './choices';

export function EntityForm({ toolbar }: { toolbar: React.ReactElement }) {
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 800 }} warnWhenUnsavedChanges>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={ENTITY_KIND_CHOICES} validate={required()} />
      <TextArrayInput source="aliases" helperText="console.entities.form.aliasesHelp" fullWidth />
      <TextInput source="description" multiline fullWidth />
      <ArrayInput source="externalIds">
        <SimpleFormIterator inline>
          <TextInput
            source="scheme"
            label="console.entities.form.scheme"
            helperText="console.entities.form.schemeHelp"
            validate={required()}
          />
          <TextInput source="value" label="console.entities.form.value" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
