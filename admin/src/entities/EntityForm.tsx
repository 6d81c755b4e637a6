import { ArrayInput, required, SelectInput, SimpleForm, SimpleFormIterator, TextArrayInput, TextInput } from 'react-admin';

import { ENTITY_KINDS } from '../common/choices';

export function EntityForm({ toolbar }: { toolbar: React.ReactElement }) {
  return (
    <SimpleForm toolbar={toolbar} sx={{ maxWidth: 800 }} warnWhenUnsavedChanges>
      <TextInput source="name" validate={required()} fullWidth />
      <SelectInput source="kind" choices={ENTITY_KINDS} validate={required()} />
      <TextArrayInput source="aliases" helperText="Other names it goes by; press Enter after each" fullWidth />
      <TextInput source="description" multiline fullWidth />
      <ArrayInput source="externalIds" label="External ids">
        <SimpleFormIterator inline>
          <TextInput source="scheme" helperText="wikidata, opensanctions…" validate={required()} />
          <TextInput source="value" validate={required()} />
        </SimpleFormIterator>
      </ArrayInput>
    </SimpleForm>
  );
}
