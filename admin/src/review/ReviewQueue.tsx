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
import { Link, Title, useTranslate } from 'react-admin';

import { useDates } from '../common/dates';
import { QuoteInContext } from '../common/QuoteInContext';
import { StatusChip } from '../common/status';
import { useFormatValue, useValueLabels } from '../common/values';
import { useVocabulary } from '../common/vocabulary';
import type { ConsoleDataProvider } from '../providers/dataProvider';
import { useApi } from '../providers/useApi';
import { ReviewActions } from './ReviewActions';

type QueueItem = Awaited<ReturnType<ConsoleDataProvider['reviewQueue']>>[number];

/** What waits for a reviewer, oldest first: the change since it was last verified, and its words in context. */
export default function ReviewQueue() {
  const api = useApi();
  const translate = useTranslate();
  const queue = useQuery({ queryKey: ['reviewQueue'], queryFn: () => api.reviewQueue() });
  return (
    <Box sx={{ p: 2 }} data-testid="review-queue">
      <Title title="console.menu.review" />
      <Typography variant="h5" gutterBottom>
        {queue.data ? translate('console.review.queue.counted', { smart_count: queue.data.length }) : translate('console.menu.review')}
      </Typography>
      {queue.error ? <Alert severity="error">{(queue.error as Error).message}</Alert> : null}
      {queue.data?.length === 0 ? <Alert severity="success">{translate('console.review.queue.empty')}</Alert> : null}
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
  const translate = useTranslate();
  const vocabulary = useVocabulary();
  const dates = useDates();
  const formatValue = useFormatValue();
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
        subheader={translate('console.review.queue.subheader', {
          what:
            'claimantName' in record
              ? translate('console.review.queue.claimBy', { name: record.claimantName })
              : translate('console.review.queue.event'),
          sent: translate(item.sentBack ? 'console.review.queue.sentBack' : 'console.review.queue.sent', {
            at: dates.moment(item.submittedAt),
          }),
          version: record.version,
        })}
        action={<StatusChip status={record.status} />}
      />
      <CardContent>
        <Stack spacing={2}>
          {item.sentBack ? (
            <Alert severity="info" data-testid="sent-back">
              {translate('console.review.queue.backInReview', {
                name: item.submittedByName,
                reason: item.submittedReason ? `: “${item.submittedReason}”` : '',
                at: dates.moment(item.submittedAt),
              })}
            </Alert>
          ) : item.submittedReason ? (
            <Typography variant="body2">{translate('console.review.queue.note', { note: item.submittedReason })}</Typography>
          ) : null}
          {item.evidenceChangesSinceVerified.length > 0 ? (
            <Box data-testid="evidence-changes" sx={{ overflowX: 'auto' }}>
              <Typography variant="subtitle2">{translate('console.review.queue.wordsChanged')}</Typography>
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('console.review.queue.verifiedOn')}</TableCell>
                    <TableCell>{translate('console.review.queue.now')}</TableCell>
                    <TableCell>{translate('console.review.queue.changed')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {item.evidenceChangesSinceVerified.map((change) => (
                    <TableRow key={change.evidence.id}>
                      <TableCell sx={{ color: 'text.secondary', fontFamily: 'Georgia, serif' }}>
                        {change.before ? `“${change.before.exact}”` : translate('console.review.queue.addedSince')}
                      </TableCell>
                      <TableCell sx={{ bgcolor: '#e8f5e9', fontFamily: 'Georgia, serif' }}>
                        {change.after ? `“${change.after.exact}”` : translate('console.review.queue.deletedSince')}
                        {change.afterStatus && change.afterStatus !== 'ANCHORED' ? (
                          <Chip size="small" sx={{ ml: 1 }} label={vocabulary(change.afterStatus).toLowerCase()} />
                        ) : null}
                      </TableCell>
                      <TableCell>
                        <Typography variant="caption" display="block">
                          {dates.moment(change.changedAt)}
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
              {item.lastVerifiedVersion
                ? translate('console.review.queue.changedSince', { version: item.lastVerifiedVersion })
                : translate('console.review.queue.new')}
            </Typography>
            {item.lastVerifiedVersion && changes.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                {translate(
                  item.evidenceChangesSinceVerified.length > 0 ? 'console.review.queue.onlyWords' : 'console.review.queue.noField',
                )}
              </Typography>
            ) : null}
            {changes.length > 0 ? (
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('console.common.conflict.field')}</TableCell>
                    <TableCell>{translate('console.review.queue.before')}</TableCell>
                    <TableCell>{translate('console.review.queue.now')}</TableCell>
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
            <Typography variant="subtitle2">{translate('console.review.queue.words')}</Typography>
            {record.evidence.length === 0 ? <Alert severity="warning">{translate('console.review.queue.noEvidence')}</Alert> : null}
            {record.evidence.map((evidence) => (
              <Box key={evidence.id} sx={{ borderLeft: 3, borderColor: 'divider', pl: 1.5, my: 1 }}>
                <QuoteInContext {...evidence.context} />
                <Stack direction="row" spacing={1} alignItems="center">
                  <Chip size="small" label={vocabulary(evidence.anchorStatus).toLowerCase()} />
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
