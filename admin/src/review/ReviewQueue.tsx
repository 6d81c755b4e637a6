import { Alert, Box, Card, CardContent, CardHeader, Chip, Link as MuiLink, Stack, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title } from 'react-admin';
import { StatusChip } from '../common/status';
import { formatValue } from '../common/values';
import { graphql } from '../providers/graphql';
import { ReviewActions } from './ReviewActions';
import { QuoteInContext } from '../common/QuoteInContext';

const EVIDENCE = 'evidence { id anchorStatus context(chars: 200) { before exact after } source { id title } }';
const QUEUE = `{
  reviewQueue {
    recordType submittedAt submittedBy lastEditedBy lastVerifiedVersion changesSinceVerified
    record {
      ... on Claim { id version status text claimantName attribution modality ${EVIDENCE} }
      ... on Event { id version status title summary ${EVIDENCE} }
    }
  }
}`;

interface QueueItem {
  recordType: 'CLAIM' | 'EVENT';
  submittedAt: string;
  submittedBy: string;
  lastEditedBy: string;
  lastVerifiedVersion: number | null;
  changesSinceVerified: Record<string, { before: unknown; after: unknown }>;
  record: any;
}

/** What waits for a reviewer, oldest first: the change since it was last verified, and its words in context. */
export default function ReviewQueue() {
  const queue = useQuery({ queryKey: ['reviewQueue'], queryFn: async () => (await graphql<{ reviewQueue: QueueItem[] }>(QUEUE)).reviewQueue });
  return (
    <Box sx={{ p: 2 }} data-testid="review-queue">
      <Title title="Review queue" />
      <Typography variant="h5" gutterBottom>
        Review queue {queue.data ? `(${queue.data.length})` : ''}
      </Typography>
      {queue.error ? <Alert severity="error">{(queue.error as Error).message}</Alert> : null}
      {queue.data?.length === 0 ? <Alert severity="success">Nothing waits for review.</Alert> : null}
      <Stack spacing={2}>
        {queue.data?.map((item) => (
          <QueueCard key={item.record.id} item={item} onDone={() => queue.refetch()} />
        ))}
      </Stack>
    </Box>
  );
}

function QueueCard({ item, onDone }: { item: QueueItem; onDone: () => void }) {
  const { record } = item;
  const kind = item.recordType === 'CLAIM' ? 'claims' : 'events';
  const changes = Object.entries(item.changesSinceVerified);
  return (
    <Card variant="outlined" data-testid="queue-item" data-record={record.id}>
      <CardHeader
        title={
          <MuiLink component={Link} to={`/${kind}/${record.id}/show`} sx={{ fontFamily: 'Georgia, serif' }}>
            {record.text ?? record.title}
          </MuiLink>
        }
        subheader={`${item.recordType === 'CLAIM' ? `Claim by ${record.claimantName}` : 'Event'} · sent ${new Date(item.submittedAt).toLocaleString()} · version ${record.version}`}
        action={<StatusChip status={record.status} />}
      />
      <CardContent>
        <Stack spacing={2}>
          <Box>
            <Typography variant="subtitle2">{item.lastVerifiedVersion ? `Changed since verified version ${item.lastVerifiedVersion}` : 'New: never verified'}</Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>Field</TableCell>
                  <TableCell>Before</TableCell>
                  <TableCell>Now</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {changes.map(([field, change]) => (
                  <TableRow key={field}>
                    <TableCell component="th">{field}</TableCell>
                    <TableCell sx={{ color: 'text.secondary' }}>{formatValue(change.before)}</TableCell>
                    <TableCell sx={{ bgcolor: '#e8f5e9' }}>{formatValue(change.after)}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
          <Box>
            <Typography variant="subtitle2">The words it rests on</Typography>
            {record.evidence.length === 0 ? <Alert severity="warning">No evidence: nothing ties this to a source.</Alert> : null}
            {record.evidence.map((evidence: any) => (
              <Box key={evidence.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, my: 1 }}>
                <QuoteInContext {...evidence.context} />
                <Stack direction="row" spacing={1} alignItems="center">
                  <Chip size="small" label={evidence.anchorStatus.toLowerCase()} />
                  <MuiLink component={Link} to={`/sources/${evidence.source.id}/show?evidence=${evidence.id}`} variant="caption">
                    {evidence.source.title}
                  </MuiLink>
                </Stack>
              </Box>
            ))}
          </Box>
          <ReviewActions record={record} lastEditedBy={item.lastEditedBy} onDone={onDone} />
        </Stack>
      </CardContent>
    </Card>
  );
}
