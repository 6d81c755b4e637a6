import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useTranslate } from 'react-admin';

import { useDates } from '../common/dates';
import type { RecordType } from '../gql/graphql';
import { useApi } from '../providers/useApi';
import { HashText } from './HashText';

/** Whether the record's hash chain verifies, its head, and whether the latest signed checkpoint holds that head. */
export function ChainStatusPanel({ recordType, recordId, version }: { recordType: RecordType; recordId: string; version: number }) {
  const api = useApi();
  const translate = useTranslate();
  const dates = useDates();
  const status = useQuery({
    queryKey: ['chainStatus', recordType, recordId, version],
    queryFn: () => api.chainStatus({ recordType, recordId }),
  });
  if (status.isPending) return <Typography>{translate('console.history.chain.checking')}</Typography>;
  if (status.error) return <Alert severity="error">{(status.error as Error).message}</Alert>;
  const chain = status.data;
  const checkpoint = chain.checkpoint;
  return (
    <Alert severity={!chain.verified ? 'error' : chain.covered ? 'success' : 'info'} data-testid="chain-status">
      <AlertTitle>
        {chain.verified
          ? translate('console.history.chain.verified', { smart_count: chain.version })
          : translate('console.history.chain.broken')}
        {chain.problem
          ? translate('console.history.chain.problem', { version: chain.problem.version, problem: chain.problem.problem })
          : ''}
      </AlertTitle>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="body2">{translate('console.history.chain.head', { version: chain.version })}</Typography>
        <HashText hash={chain.headHash} label={translate('console.history.chain.headHash')} />
      </Stack>
      <Typography variant="body2">
        {!checkpoint
          ? translate('console.history.chain.noCheckpoint')
          : chain.covered
            ? translate('console.history.chain.covered', {
                id: checkpoint.id,
                position: checkpoint.logPosition,
                chains: translate('console.history.chain.chains', { smart_count: checkpoint.treeSize }),
                signed: dates.moment(checkpoint.createdAt),
              })
            : chain.coveredVersion
              ? translate('console.history.chain.coveredUpTo', { id: checkpoint.id, version: chain.coveredVersion })
              : translate('console.history.chain.notCovered', { id: checkpoint.id })}
      </Typography>
    </Alert>
  );
}
