import { Alert, AlertTitle, Stack, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';

import type { RecordType } from '../gql/graphql';
import { useApi } from '../providers/useApi';
import { HashText } from './HashText';

/** Whether the record's hash chain verifies, its head, and whether the latest signed checkpoint holds that head. */
export function ChainStatusPanel({ recordType, recordId, version }: { recordType: RecordType; recordId: string; version: number }) {
  const api = useApi();
  const status = useQuery({
    queryKey: ['chainStatus', recordType, recordId, version],
    queryFn: () => api.chainStatus({ recordType, recordId }),
  });
  if (status.isPending) return <Typography>Checking the chain…</Typography>;
  if (status.error) return <Alert severity="error">{(status.error as Error).message}</Alert>;
  const chain = status.data;
  const checkpoint = chain.checkpoint;
  return (
    <Alert severity={!chain.verified ? 'error' : chain.covered ? 'success' : 'info'} data-testid="chain-status">
      <AlertTitle>
        {chain.verified ? `Chain verified: ${chain.version} revisions hash and link as stored` : 'Chain broken'}
        {chain.problem ? ` at version ${chain.problem.version}: ${chain.problem.problem}` : ''}
      </AlertTitle>
      <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap>
        <Typography variant="body2">Head hash (version {chain.version}):</Typography>
        <HashText hash={chain.headHash} label="head hash" />
      </Stack>
      <Typography variant="body2">
        {!checkpoint
          ? 'No signed checkpoint exists yet.'
          : chain.covered
            ? `Covered by checkpoint ${checkpoint.id} (log position ${checkpoint.logPosition}, ${checkpoint.treeSize} chains, signed ${new Date(checkpoint.createdAt).toLocaleString()}).`
            : chain.coveredVersion
              ? `Checkpoint ${checkpoint.id} covers it up to version ${chain.coveredVersion}; the next checkpoint will cover the rest.`
              : `Not yet covered: checkpoint ${checkpoint.id} predates it; the next checkpoint will cover it.`}
      </Typography>
    </Alert>
  );
}
