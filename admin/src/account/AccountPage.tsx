import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useNotify, useTranslate } from 'react-admin';

import { useApi } from '../providers/useApi';
import { roleNames } from '../users/roles';

/** Who you are signed in as, and a new password (at least 12 characters), checked against the current one. */
export default function AccountPage() {
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const api = useApi();
  const translate = useTranslate();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mismatch = again.length > 0 && next !== again;
  const change = async () => {
    setError(null);
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      notify('console.account.changed', { type: 'success' });
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Box sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="console.account.title" />
      <Card variant="outlined">
        <CardHeader
          title={identity?.fullName ?? translate('console.account.title')}
          subheader={`${identity?.email ?? ''} · ${roleNames(identity?.roles ?? [], translate).toLocaleLowerCase()}`}
        />
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            {translate('console.account.changeHeading')}
          </Typography>
          <Stack spacing={2}>
            <TextField
              type="password"
              label={translate('console.account.current')}
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
            />
            <TextField
              type="password"
              label={translate('console.account.next')}
              value={next}
              onChange={(e) => setNext(e.target.value)}
              autoComplete="new-password"
              helperText={translate('console.account.nextHelp')}
            />
            <TextField
              type="password"
              label={translate('console.account.again')}
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              autoComplete="new-password"
              error={mismatch}
              helperText={mismatch ? translate('console.account.mismatch') : ' '}
            />
            {error ? <Alert severity="error">{error}</Alert> : null}
            <Box>
              <Button variant="contained" disabled={!current || next.length < 12 || next !== again} onClick={change}>
                {translate('console.account.change')}
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
