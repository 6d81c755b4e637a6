import DownloadIcon from '@mui/icons-material/Download';
import VerifiedIcon from '@mui/icons-material/Verified';
import {
  Alert,
  Autocomplete,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  LinearProgress,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { keepPreviousData, useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Title, type TranslateFunction, useLocaleState, useNotify, useTranslate } from 'react-admin';
import { Link } from 'react-router-dom';

import type { RecordType, RevisionOperation } from '../gql/graphql';
import { HashText } from '../history/HashText';
import { type AuditFilter, auditTrailCsvUrl } from '../providers/audit';
import { useApi } from '../providers/useApi';

const RECORD_TYPES: RecordType[] = [
  'CLAIM',
  'EVENT',
  'EVIDENCE',
  'SOURCE',
  'ENTITY',
  'EVENT_TYPE',
  'ANNOTATION',
  'USER',
  'API_KEY',
] as RecordType[];
const OPERATIONS: RevisionOperation[] = ['CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'REVIEW', 'MERGE', 'REANCHOR'] as RevisionOperation[];
const PAGES: Partial<Record<string, string>> = {
  CLAIM: 'claims',
  EVENT: 'events',
  ENTITY: 'entities',
  SOURCE: 'sources',
  ANNOTATION: 'annotations',
  USER: 'users',
  API_KEY: 'apiKeys',
};

/** Instants and counts as the reader's language writes them. */
function useLocaleFormats() {
  const [locale] = useLocaleState();
  const numbers = new Intl.NumberFormat(locale);
  return {
    when: (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString(locale) : '—'),
    count: (value: number | null | undefined) => numbers.format(value ?? 0),
  };
}
/** A `datetime-local` value is the browser's local time; the API takes an instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : null);

const recordTypeName = (recordType: string, translate: TranslateFunction) => translate(`console.audit.recordTypes.${recordType}`);

function RecordLink({ recordType, recordId, version }: { recordType: string; recordId: string; version?: number }) {
  const translate = useTranslate();
  const page = PAGES[recordType];
  const type = recordTypeName(recordType, translate);
  const text = version
    ? translate('console.audit.recordVersion', { type, id: recordId.slice(0, 8), version })
    : translate('console.audit.record', { type, id: recordId.slice(0, 8) });
  return page ? <Link to={`/${page}/${recordId}/show/history`}>{text}</Link> : <span title={recordId}>{text}</span>;
}

/** The store's integrity at a glance, and anyone's changes: for reviewers and admins auditing provenance. */
export default function AuditPage() {
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title="console.audit.title" />
      <LogIntegrity />
      <Changes />
    </Stack>
  );
}

function LogIntegrity() {
  const api = useApi();
  const notify = useNotify();
  const translate = useTranslate();
  const { when, count } = useLocaleFormats();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['logVerifications'],
    queryFn: () => api.logVerifications(),
    refetchInterval: (query) => (query.state.data?.logVerifications[0]?.status === 'RUNNING' ? 1000 : false),
  });
  const [starting, setStarting] = useState(false);
  if (status.isPending) return <Typography>{translate('console.audit.integrity.loading')}</Typography>;
  if (status.error) return <Alert severity="error">{(status.error as Error).message}</Alert>;
  const [last] = status.data.logVerifications;
  const [checkpoint] = status.data.checkpoints;
  const running = last?.status === 'RUNNING';
  const firstBreak = last?.firstBreak as { kind: string; recordType: string; recordId: string; version: number; problem: string } | null;
  const verifyNow = async () => {
    setStarting(true);
    try {
      await api.startLogVerification();
      await client.invalidateQueries({ queryKey: ['logVerifications'] });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setStarting(false);
    }
  };
  return (
    <Card>
      <CardContent>
        <Stack direction="row" justifyContent="space-between" alignItems="center" flexWrap="wrap" useFlexGap spacing={1}>
          <Typography variant="h6" component="h2">
            {translate('console.audit.integrity.heading')}
          </Typography>
          <Button variant="contained" startIcon={<VerifiedIcon />} onClick={verifyNow} disabled={starting || running}>
            {translate('console.audit.integrity.verifyNow')}
          </Button>
        </Stack>
        <Box data-testid="last-verification" sx={{ mt: 1 }}>
          {!last ? (
            <Typography>{translate('console.audit.integrity.neverChecked')}</Typography>
          ) : (
            <Stack spacing={1}>
              <Stack direction="row" spacing={1} alignItems="center">
                <Chip
                  label={translate(`console.audit.statuses.${last.status}`)}
                  color={last.status === 'PASSED' ? 'success' : last.status === 'RUNNING' ? 'info' : 'error'}
                  size="small"
                />
                <Typography variant="body2">
                  {translate('console.audit.integrity.started', { when: when(last.startedAt), who: last.startedBy })}
                  {last.finishedAt ? translate('console.audit.integrity.finished', { when: when(last.finishedAt) }) : ''}
                </Typography>
              </Stack>
              {running ? (
                <Box>
                  <LinearProgress
                    variant="determinate"
                    value={last.totalRevisions ? Math.min(100, (100 * last.revisions) / last.totalRevisions) : 0}
                    aria-label={translate('console.audit.integrity.progress')}
                  />
                  <Typography variant="body2">
                    {translate('console.audit.integrity.progressText', { done: count(last.revisions), total: count(last.totalRevisions) })}
                  </Typography>
                </Box>
              ) : (
                <Typography variant="body2">
                  {translate('console.audit.integrity.checked', {
                    records: count(last.records),
                    revisions: count(last.revisions),
                    problems: count(last.problems),
                    smart_count: last.problems,
                  })}
                </Typography>
              )}
              {firstBreak ? (
                <Alert severity="error">
                  {translate('console.audit.integrity.firstBreak')}{' '}
                  <RecordLink recordType={firstBreak.recordType} recordId={firstBreak.recordId} version={firstBreak.version} />{' '}
                  {translate('console.audit.integrity.breakDetail', { kind: firstBreak.kind, problem: firstBreak.problem })}
                </Alert>
              ) : null}
              {last.error ? <Alert severity="error">{last.error}</Alert> : null}
            </Stack>
          )}
        </Box>
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
          {translate('console.audit.integrity.checkpointHeading')}
        </Typography>
        <Box data-testid="latest-checkpoint">
          {!checkpoint ? (
            <Typography variant="body2">{translate('console.audit.integrity.noCheckpoint')}</Typography>
          ) : (
            <Stack spacing={0.5}>
              <Typography variant="body2">
                {translate('console.audit.integrity.checkpoint', {
                  id: checkpoint.id,
                  position: checkpoint.logPosition,
                  size: checkpoint.treeSize,
                  when: when(checkpoint.createdAt),
                })}
              </Typography>
              <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="body2">{translate('console.audit.integrity.root')}</Typography>
                <HashText hash={checkpoint.rootHash} label={translate('console.audit.integrity.rootHash')} />
                <Typography variant="body2">{translate('console.audit.integrity.key')}</Typography>
                <HashText hash={checkpoint.keyId} label={translate('console.audit.integrity.keyId')} />
              </Stack>
              <Typography variant="body2">
                {!last || last.checkpointsChecked === null || last.checkpointsChecked === undefined
                  ? translate('console.audit.integrity.unchecked')
                  : last.checkpointProblems?.length
                    ? translate('console.audit.integrity.inconsistent', { problems: last.checkpointProblems.join('; ') })
                    : translate('console.audit.integrity.consistent', {
                        checked: last.checkpointsChecked,
                        recomputed: last.checkpointsRecomputed,
                      })}
              </Typography>
            </Stack>
          )}
        </Box>
      </CardContent>
    </Card>
  );
}

function Changes() {
  const api = useApi();
  const translate = useTranslate();
  const { when, count } = useLocaleFormats();
  const [actor, setActor] = useState<string | null>(null);
  const [since, setSince] = useState('');
  const [until, setUntil] = useState('');
  const [recordType, setRecordType] = useState<RecordType | ''>('');
  const [operation, setOperation] = useState<RevisionOperation | ''>('');
  const filter: AuditFilter = {
    actor,
    since: instant(since),
    until: instant(until),
    recordType: recordType || null,
    operation: operation || null,
  };
  const [actorSearch, setActorSearch] = useState('');
  const search = actorSearch.trim();
  // Every account and key, searched on the server: the latest changes would offer only whoever wrote lately.
  const everyone = useQuery({
    queryKey: ['auditActors', search],
    queryFn: () => api.auditActors(search || null),
    placeholderData: keepPreviousData,
  });
  const actors = everyone.data ?? [];
  const changes = useInfiniteQuery({
    queryKey: ['auditTrail', filter],
    queryFn: ({ pageParam }) => api.auditTrail(filter, pageParam),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => (page.pageInfo.hasNextPage ? (page.pageInfo.endCursor ?? null) : null),
  });
  const rows = changes.data?.pages.flatMap((page) => page.edges.map((edge) => edge.node)) ?? [];

  return (
    <Card>
      <CardContent>
        <Typography variant="h6" component="h2">
          {translate('console.audit.changes.heading')}
        </Typography>
        <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap sx={{ my: 1 }}>
          <Autocomplete
            freeSolo
            sx={{ width: 340 }}
            options={actors}
            loading={everyone.isFetching}
            filterOptions={(options) => options}
            getOptionLabel={(option) =>
              typeof option === 'string'
                ? option
                : translate(option.gone ? 'console.audit.changes.actorOptionGone' : 'console.audit.changes.actorOption', {
                    name: option.name,
                    kind: translate(option.kind === 'API_KEY' ? 'console.audit.changes.apiKey' : 'console.audit.changes.user'),
                  })
            }
            onInputChange={(_event, value, reason) => reason === 'input' && setActorSearch(value)}
            onChange={(_event, value) => setActor(value === null ? null : typeof value === 'string' ? value.trim() || null : value.actor)}
            renderInput={(params) => (
              <TextField
                {...params}
                fullWidth
                label={translate('console.audit.changes.actor')}
                placeholder={translate('console.audit.changes.everyone')}
              />
            )}
          />
          <TextField
            type="datetime-local"
            label={translate('console.audit.changes.since')}
            sx={{ width: 230 }}
            value={since}
            onChange={(e) => setSince(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="datetime-local"
            label={translate('console.audit.changes.until')}
            sx={{ width: 230 }}
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            select
            label={translate('console.audit.changes.recordType')}
            value={recordType}
            onChange={(e) => setRecordType(e.target.value as RecordType)}
            sx={{ width: 170 }}
          >
            <MenuItem value="">{translate('console.audit.changes.any')}</MenuItem>
            {RECORD_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {recordTypeName(type, translate)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label={translate('console.audit.changes.operation')}
            value={operation}
            onChange={(e) => setOperation(e.target.value as RevisionOperation)}
            sx={{ width: 170 }}
          >
            <MenuItem value="">{translate('console.audit.changes.any')}</MenuItem>
            {OPERATIONS.map((op) => (
              <MenuItem key={op} value={op}>
                {translate(`console.audit.operations.${op}`)}
              </MenuItem>
            ))}
          </TextField>
          <Button startIcon={<DownloadIcon />} href={auditTrailCsvUrl(filter)} download="audit-trail.csv">
            {translate('console.audit.changes.export')}
          </Button>
        </Stack>
        {changes.error ? <Alert severity="error">{(changes.error as Error).message}</Alert> : null}
        <Typography variant="body2" data-testid="changes-count">
          {changes.isPending
            ? translate('console.audit.changes.loading')
            : translate('console.audit.changes.count', {
                smart_count: changes.data?.pages[0]?.totalCount ?? 0,
                count: count(changes.data?.pages[0]?.totalCount ?? 0),
              })}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label={translate('console.audit.changes.heading')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('console.audit.changes.when')}</TableCell>
                <TableCell>{translate('console.audit.changes.who')}</TableCell>
                <TableCell>{translate('console.audit.changes.what')}</TableCell>
                <TableCell>{translate('console.audit.changes.record')}</TableCell>
                <TableCell>{translate('console.audit.changes.why')}</TableCell>
                <TableCell>{translate('console.audit.changes.hash')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-log-id={row.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(row.createdAt)}</TableCell>
                  <TableCell>{row.actorName}</TableCell>
                  <TableCell>{translate(`console.audit.operations.${row.operation}`)}</TableCell>
                  <TableCell>
                    <RecordLink recordType={row.recordType} recordId={row.recordId} version={row.version} />
                  </TableCell>
                  <TableCell>{row.reason ?? ''}</TableCell>
                  <TableCell>
                    <HashText hash={row.hash} label={translate('console.audit.changes.entryHash', { id: row.id })} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        {changes.hasNextPage ? (
          <Button onClick={() => changes.fetchNextPage()} disabled={changes.isFetchingNextPage}>
            {translate('console.audit.changes.showMore')}
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
