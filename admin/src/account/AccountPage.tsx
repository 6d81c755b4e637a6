import { Alert, Box, Button, Card, CardContent, CardHeader, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Title, useGetIdentity, useNotify } from 'react-admin';

import { useApi } from '../providers/useApi';

/** Who you are signed in as, and a new password (at least 12 characters), checked against the current one. */
export default function AccountPage() {
  const { identity } = useGetIdentity();
  const notify = useNotify();
  const api = useApi();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mismatch = again.length > 0 && next !== again;
  const change = async () => {
    setError(null);
    try {
      await api.changePassword({ currentPassword: current, newPassword: next });
      notify('Password changed.', { type: 'success' });
      setCurrent('');
      setNext('');
      setAgain('');
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Box sx={{ mt: 2, maxWidth: 560 }}>
      <Title title="My account" />
      <Card variant="outlined">
        <CardHeader
          title={identity?.fullName ?? 'My account'}
          subheader={`${identity?.email ?? ''} · ${(identity?.roles ?? []).join(', ').toLowerCase()}`}
        />
        <CardContent>
          <Typography variant="subtitle1" gutterBottom>
            Change your password
          </Typography>
          <Stack spacing={2}>
            <TextField
              type="password"
              label="Current password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              autoComplete="current-password"
            />
            <TextField
              type="password"
              label="New password"
              value={next}
              onChange={(e) => setNext(e.target.value)}
              autoComplete="new-password"
              helperText="At least 12 characters"
            />
            <TextField
              type="password"
              label="New password again"
              value={again}
              onChange={(e) => setAgain(e.target.value)}
              autoComplete="new-password"
              error={mismatch}
              helperText={mismatch ? 'The two do not match' : ' '}
            />
            {error ? <Alert severity="error">{error}</Alert> : null}
            <Box>
              <Button variant="contained" disabled={!current || next.length < 12 || next !== again} onClick={change}>
                Change password
              </Button>
            </Box>
          </Stack>
        </CardContent>
      </Card>
    </Box>
  );
}
