import { Alert, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Create,
  CreateButton,
  Datagrid,
  DateField,
  DateTimeInput,
  FunctionField,
  List,
  required,
  SimpleForm,
  TextField,
  TextInput,
  TopToolbar,
  useNotify,
} from 'react-admin';
import { DeleteWithReasonButton } from '../common/DeleteWithReasonButton';

function ApiKeyList() {
  return (
    <List sort={{ field: 'createdAt', order: 'DESC' }} actions={<TopToolbar><CreateButton label="New key" /></TopToolbar>}>
      <Datagrid bulkActionButtons={false} rowClick={false}>
        <TextField source="name" />
        <FunctionField label="Key" render={(r: any) => <code>{r.prefix}…</code>} />
        <DateField source="createdAt" label="Made" />
        <DateField source="expiresAt" emptyText="never" />
        <FunctionField label="State" render={(r: any) => (r.revokedAt ? `revoked ${new Date(r.revokedAt).toLocaleDateString()}` : 'active')} />
        <FunctionField render={(r: any) => (r.revokedAt ? null : <DeleteWithReasonButton />)} />
      </Datagrid>
    </List>
  );
}

/** The key is shown once, right after it is made; the server keeps only its hash. */
function ApiKeyCreate() {
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const notify = useNotify();
  if (made) {
    return (
      <Alert severity="success" sx={{ m: 2 }}>
        <Typography>Key for {made.name}. Copy it now: it is not shown again.</Typography>
        <Typography component="pre" sx={{ userSelect: 'all', fontFamily: 'monospace' }} data-testid="new-api-key">
          {made.key}
        </Typography>
        <Typography variant="body2">Client apps send it as <code>Authorization: Bearer …</code>.</Typography>
      </Alert>
    );
  }
  return (
    <Create
      title="New API key"
      mutationOptions={{
        onSuccess: (created: any) => setMade({ name: created.name, key: created.key }),
        onError: (error: any) => notify(error.message, { type: 'error' }),
      }}
    >
      <SimpleForm>
        <TextInput source="name" label="Which client app" validate={required()} />
        <DateTimeInput source="expiresAt" label="Expires (optional)" />
      </SimpleForm>
    </Create>
  );
}

export default { list: ApiKeyList, create: ApiKeyCreate, recordRepresentation: 'name' };
