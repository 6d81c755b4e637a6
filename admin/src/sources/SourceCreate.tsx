import { Create, required, TextInput } from 'react-admin';

import { CreateToolbar } from '../common/EditToolbar';
import { SourceForm } from './SourceForm';

export function SourceCreate() {
  return (
    <Create redirect="show" title="New source">
      <SourceForm toolbar={<CreateToolbar />}>
        <TextInput
          source="text"
          label="The text as published (page furniture included)"
          multiline
          minRows={12}
          fullWidth
          validate={required()}
        />
      </SourceForm>
    </Create>
  );
}
