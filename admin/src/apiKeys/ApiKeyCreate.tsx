import ContentCopyIcon from '@mui/icons-material/ContentCopy';
import { Alert, Button, Typography } from '@mui/material';
import { useState } from 'react';
import { Create, DateTimeInput, required, SimpleForm, TextInput, useNotify, useTranslate } from 'react-admin';

import type { ApiKeyRecord } from '../providers/resources';

/** What a client app sends: a protocol's words, the same in every language. */
const AUTHORIZATION_HEADER = 'Authorization: Bearer …';

/** Copies the new key, which is shown only once, so nobody has to select a long string by hand. */
function CopyKeyButton({ value }: { value: string }) {
  const [copied, setCopied] = useState(false);
  const notify = useNotify();
  const translate = useTranslate();
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      notify('console.apiKeys.create.copyRefused', { type: 'warning' });
    }
  };
  return (
    <Button variant="outlined" size="small" startIcon={<ContentCopyIcon />} onClick={copy}>
      {translate(copied ? 'console.apiKeys.create.copied' : 'console.apiKeys.create.copy')}
    </Button>
  );
}

/** The key is shown once, right after it is made; the server keeps only its hash. */
export function ApiKeyCreate() {
  const [made, setMade] = useState<{ name: string; key: string } | null>(null);
  const notify = useNotify();
  const translate = useTranslate();
  if (made) {
    return (
      <Alert severity="success" sx={{ m: 2 }}>
        <Typography>{translate('console.apiKeys.create.made', { name: made.name })}</Typography>
        <Typography component="pre" sx={{ userSelect: 'all', fontFamily: 'monospace' }} data-testid="new-api-key">
          {made.key}
        </Typography>
        <CopyKeyButton value={made.key} />
        <Typography variant="body2">
          {translate('console.apiKeys.create.usageBefore')} <code>{AUTHORIZATION_HEADER}</code>
          {translate('console.apiKeys.create.usageAfter')}
        </Typography>
      </Alert>
    );
  }
  return (
    <Create
      title="console.apiKeys.create.title"
      mutationOptions={{
        onSuccess: (created: ApiKeyRecord) => setMade({ name: created.name, key: created.key ?? '' }),
        onError: (error) => notify((error as Error).message, { type: 'error' }),
      }}
    >
      <SimpleForm warnWhenUnsavedChanges>
        <TextInput source="name" label="resources.apiKeys.fields.client" validate={required()} />
        <DateTimeInput source="expiresAt" label="resources.apiKeys.fields.expiresOptional" />
      </SimpleForm>
    </Create>
  );
}
