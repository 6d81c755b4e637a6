import { Alert, Box, LinearProgress, Link as MuiLink, Stack, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Link, useTranslate } from 'react-admin';

import type { ImportBatchQuery } from '../gql/graphql';
import { useApi } from '../providers/useApi';
import { ProposedCounts } from './ProposedCounts';

type Batch = NonNullable<ImportBatchQuery['importBatch']>;

const POLL_MS = 1000;

/** A batch import's progress, read again every second until no article is pending, and what became of each article. */
export function BatchProgress({ batchId, onSettled }: { batchId: string; onSettled: () => void }) {
  const api = useApi();
  const translate = useTranslate();
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
    return error ? (
      <Alert severity="warning">{translate('console.ingest.batch.unavailable', { error })}</Alert>
    ) : (
      <LinearProgress aria-label={translate('console.ingest.progress')} />
    );
  const settled = batch.done + batch.failed;
  return (
    <Stack spacing={1} data-testid="import-batch">
      <Box>
        <LinearProgress
          variant="determinate"
          value={(settled / Math.max(batch.total, 1)) * 100}
          aria-label={translate('console.ingest.progress')}
        />
        <Typography variant="caption" data-testid="import-batch-progress">
          {translate('console.ingest.batch.imported', { done: batch.done, total: batch.total })}
          {batch.failed > 0 ? translate('console.ingest.batch.failed', { failed: batch.failed }) : ''}
          {batch.pending > 0 ? translate('console.ingest.batch.waiting', { pending: batch.pending }) : ''}
        </Typography>
      </Box>
      {error ? <Alert severity="warning">{translate('console.ingest.batch.unavailableNow', { error })}</Alert> : null}
      {batch.items.map((item) => (
        <Box key={item.id} data-testid="batch-item" data-status={item.status}>
          {item.status === 'FAILED' ? (
            <Alert severity="error">
              {translate('console.ingest.batch.itemFailed', { file: item.fileName, attempts: item.attempts, error: item.error ?? '' })}
            </Alert>
          ) : item.status === 'PENDING' ? (
            <Typography variant="body2" color="text.secondary">
              {item.fileName}:{' '}
              {item.attempts > 0
                ? translate('console.ingest.batch.retrying', { attempts: item.attempts, error: item.error ?? '' })
                : translate('console.ingest.batch.itemWaiting')}
            </Typography>
          ) : (
            <Typography variant="body2">
              {item.fileName} →{' '}
              <MuiLink component={Link} to={`/sources/${item.sourceId}/show`}>
                {item.sourceTitle}
              </MuiLink>
              {item.status === 'DUPLICATE' ? (
                translate('console.ingest.batch.duplicate')
              ) : (
                <>
                  :{' '}
                  <MuiLink component={Link} to={`/proposals?source=${item.sourceId}`}>
                    <ProposedCounts claims={item.claimsProposed} events={item.eventsProposed} />
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
