import { Alert, Box, LinearProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link } from 'react-admin';

import type { ImportBatchQuery } from '../gql/graphql';
import { useApi } from '../providers/useApi';

type Batch = NonNullable<ImportBatchQuery['importBatch']>;

const POLL_MS = 1000;

/** A batch import's progress, read again every second until no article is pending, and what became of each article. */
export function BatchProgress({ batchId, onSettled }: { batchId: string; onSettled: () => void }) {
  const api = useApi();
  const [batch, setBatch] = useState<Batch | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const read = await api.importBatch(batchId);
        if (stopped) return;
        setBatch(read ?? null);
        setError(null);
        if (read && read.pending === 0) {
          onSettled();
          return;
        }
      } catch (failure) {
        if (stopped) return;
        setError((failure as Error).message);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, batchId, onSettled]);

  if (!batch)
    return error ? <Alert severity="warning">Progress unavailable: {error}</Alert> : <LinearProgress aria-label="Import progress" />;
  const settled = batch.done + batch.failed;
  return (
    <Stack spacing={1} data-testid="import-batch">
      <Box>
        <LinearProgress variant="determinate" value={(settled / Math.max(batch.total, 1)) * 100} aria-label="Import progress" />
        <Typography variant="caption" data-testid="import-batch-progress">
          {batch.done} of {batch.total} imported{batch.failed > 0 ? `, ${batch.failed} failed` : ''}
          {batch.pending > 0 ? ` (${batch.pending} waiting)` : ''}
        </Typography>
      </Box>
      {error ? <Alert severity="warning">Progress unavailable for now: {error}</Alert> : null}
      {batch.items.map((item) => (
        <Box key={item.id} data-testid="batch-item" data-status={item.status}>
          {item.status === 'FAILED' ? (
            <Alert severity="error">
              {item.fileName}: not imported after {item.attempts} tries. {item.error}
            </Alert>
          ) : item.status === 'PENDING' ? (
            <Typography variant="body2" color="text.secondary">
              {item.fileName}: {item.attempts > 0 ? `retrying after ${item.attempts} failed tries (${item.error})` : 'waiting'}
            </Typography>
          ) : (
            <Typography variant="body2">
              {item.fileName} →{' '}
              <MuiLink component={Link} to={`/sources/${item.sourceId}/show`}>
                {item.sourceTitle}
              </MuiLink>
              {item.status === 'DUPLICATE' ? (
                ': already imported, not imported again'
              ) : (
                <>
                  :{' '}
                  <MuiLink component={Link} to={`/proposals?source=${item.sourceId}`}>
                    {item.claimsProposed} claims and {item.eventsProposed} events proposed
                  </MuiLink>
                </>
              )}
            </Typography>
          )}
        </Box>
      ))}
    </Stack>
  );
}
