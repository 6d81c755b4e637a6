import {
  Alert,
  Box,
  Card,
  CardContent,
  CardHeader,
  Chip,
  Link as MuiLink,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { Link, Title } from 'react-admin';

import { QuoteInContext } from '../common/QuoteInContext';
import { StatusChip } from '../common/status';
import { formatValue, useValueLabels } from '../common/values';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { useApi } from '../providers/useApi';
import { ReviewActions } from './ReviewActions';

type QueueItem = Awaited<ReturnType<ConsoleDataProvider['reviewQueue']>>[number];

/** What waits for a reviewer, oldest first: the change since it was last verified, and its words in context. */
export default function ReviewQueue() {
  const api = useApi();
  const queue = useQuery({ queryKey: ['reviewQueue'], queryFn: () => api.reviewQueue() });
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
  const labels = useValueLabels(changes.map(([field, change]) => ({ field, values: [change.before, change.after] })));
  return (
    <Card variant="outlined" data-testid="queue-item" data-record={record.id}>
      <CardHeader
        title={
          <MuiLink component={Link} to={`/${kind}/${record.id}/show`} sx={{ fontFamily: 'Georgia, serif' }}>
            {'text' in record ? record.text : record.title}
          </MuiLink>
        }
        subheader={`${'claimantName' in record ? `Claim by ${record.claimantName}` : 'Event'} · ${item.sentBack ? 'sent back' : 'sent'} ${new Date(item.submittedAt).toLocaleString()} · version ${record.version}`}
        action={<StatusChip status={record.status} />}
      />
      <CardContent>
        <Stack spacing={2}>
          {item.sentBack ? (
            <Alert severity="info" data-testid="sent-back">
              Back in review because of a change by {item.submittedByName}
              {item.submittedReason ? `: “${item.submittedReason}”` : ''}, on {new Date(item.submittedAt).toLocaleString()}.
            </Alert>
          ) : item.submittedReason ? (
            <Typography variant="body2">Note from the editor: {item.submittedReason}</Typography>
          ) : null}
          {item.evidenceChangesSinceVerified.length > 0 ? (
            <Box data-testid="evidence-changes" sx={{ overflowX: 'auto' }}>
              <Typography variant="subtitle2">Words it rests on, changed since verified</Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>Verified on</TableCell>
                    <TableCell>Now</TableCell>
                    <TableCell>Changed</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {item.evidenceChangesSinceVerified.map((change) => (
                    <TableRow key={change.evidence.id}>
                      <TableCell sx={{ color: 'text.secondary', fontFamily: 'Georgia, serif' }}>
                        {change.before ? `“${change.before.exact}”` : 'added since'}
                      </TableCell>
                      <TableCell sx={{ bgcolor: '#e8f5e9', fontFamily: 'Georgia, serif' }}>
                        {change.after ? `“${change.after.exact}”` : 'deleted since'}
                        {change.afterStatus && change.afterStatus !== 'ANCHORED' ? (
                          <Chip size="small" sx={{ ml: 1 }} label={change.afterStatus.toLowerCase()} />
                        ) : null}
                      </TableCell>
                      <TableCell>
                        <Typography variant="caption" display="block">
                          {new Date(change.changedAt).toLocaleString()}
                        </Typography>
                        {change.reason ? (
                          <Typography variant="caption" display="block">
                            “{change.reason}”
                          </Typography>
                        ) : null}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </Box>
          ) : null}
          <Box sx={{ overflowX: 'auto' }}>
            <Typography variant="subtitle2">
              {item.lastVerifiedVersion ? `Changed since verified version ${item.lastVerifiedVersion}` : 'New: never verified'}
            </Typography>
            {item.lastVerifiedVersion && changes.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                None of its own fields changed{item.evidenceChangesSinceVerified.length > 0 ? ': only the words it rests on, above.' : '.'}
              </Typography>
            ) : null}
            {changes.length > 0 ? (
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
                      <TableCell sx={{ color: 'text.secondary' }}>{formatValue(change.before, labels, field)}</TableCell>
                      <TableCell sx={{ bgcolor: '#e8f5e9' }}>{formatValue(change.after, labels, field)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            ) : null}
          </Box>
          <Box>
            <Typography variant="subtitle2">The words it rests on</Typography>
            {record.evidence.length === 0 ? <Alert severity="warning">No evidence: nothing ties this to a source.</Alert> : null}
            {record.evidence.map((evidence) => (
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
