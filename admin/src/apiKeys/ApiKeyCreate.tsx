import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, DateTimeInput, required, SimpleForm, TextInput, useNotify } from 'react-admin';

import type { ApiKeyRecord } from '../providers/resources';

/** The key is shown once, right after it is made; the server keeps only its hash. */
/** Copies the new key, which is shown only once, so nobody has to select a long string by hand. */
function CopyKeyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const notify = useNotify();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      notify('The browser did not let the console copy: select the key and copy it.', { type: 'warning' });
    }
  };
  return (
    <Button variant="outlined" size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
      {copied ? 'Copied' : 'Copy the key'}
    </Button>
  );
}

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
        <CopyKeyButton value={made.key} />
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
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="name" label="Which client app" validate={required()} />
        <DateTimeInput source="expiresAt" label="Expires (optional)" />
      </SimpleForm>
    </Create>
  );
}
