import { Alert, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, DateTimeInput, required, SimpleForm, TextInput, useNotify } from 'react-admin';

import type { ApiKeyRecord } from '../providers/resources';

/** The key is shown once, right after it is made; the server keeps only its hash. */
export function ApiKeyCreate() {
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const notify = useNotify();
  if (made) {
    return (
      <Alert severity="success" sx={{ m: 2 }}>
        <Typography>Key for {made.name}. Copy it now: it is not shown again.</Typography>
        <Typography component="pre" sx={{ userSelect: 'all', fontFamily: 'monospace' }} data-testid="new-api-key">
          {made.key}
        </Typography>
        <Typography variant="body2">
          Client apps send it as <code>Authorization: Bearer …</code>.
        </Typography>
      </Alert>
    );
  }
  return (
    <Create
      title="New API key"
      mutationOptions={{
        onSuccess: (created: ApiKeyRecord) => setMade({ name: created.name, key: created.key ?? '' }),
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      }}
    >
      <SimpleForm>
        <TextInput source="name" label="Which client app" validate={required()} />
        <DateTimeInput source="expiresAt" label="Expires (optional)" />
      </SimpleForm>
    </Create>
  );
}
