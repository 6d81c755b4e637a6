import { Create, required, TextInput } from 'react-admin';

import { CreateToolbar } from '../common/EditToolbar';
import { SourceForm } from './SourceForm';

export function SourceCreate() {
  return (
    <Create redirect="show" title="console.sources.create.title">
      <SourceForm toolbar={<CreateToolbar />}>
        <TextInput source="text" label="console.sources.create.text" multiline minRows={12} fullWidth validate={required()} />
      </SourceForm>
    </Create>
  );
}
