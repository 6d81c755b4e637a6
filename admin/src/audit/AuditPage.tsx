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
import { Title, useNotify } from 'react-admin';
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

const when = (iso: string | null | undefined) => (iso ? new Date(iso).toLocaleString() : '—');
/** A `datetime-local` value is the browser's local time; the API takes an instant. */
const instant = (local: string) => (local ? new Date(local).toISOString() : null);

function RecordLink({ recordType, recordId, version }: { recordType: string; recordId: string; version?: number }) {
  const page = PAGES[recordType];
  const text = `${recordType.toLowerCase().replace('_', ' ')} ${recordId.slice(0, 8)}${version ? `, version ${version}` : ''}`;
  return page ? <Link to={`/${page}/${recordId}/show/history`}>{text}</Link> : <span title={recordId}>{text}</span>;
}

/** The store's integrity at a glance, and anyone's changes: for reviewers and admins auditing provenance. */
export default function AuditPage() {
  return (
    <Stack spacing={2} sx={{ mt: 1 }}>
      <Title title="Audit" />
      <LogIntegrity />
      <Changes />
    </Stack>
  );
}

function LogIntegrity() {
  const api = useApi();
  const notify = useNotify();
  const client = useQueryClient();
  const status = useQuery({
    queryKey: ['logVerifications'],
    queryFn: () => api.logVerifications(),
    refetchInterval: (query) => (query.state.data?.logVerifications[0]?.status === 'RUNNING' ? 1000 : false),
  });
  const [starting, setStarting] = useState(false);
  if (status.isPending) return <Typography>Loading the log's status…</Typography>;
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
            Integrity of the log
          </Typography>
          <Button variant="contained" startIcon={<VerifiedIcon />} onClick={verifyNow} disabled={starting || running}>
            Verify now
          </Button>
        </Stack>
        <Box data-testid="last-verification" sx={{ mt: 1 }}>
          {!last ? (
            <Typography>The log has not been checked from the console yet.</Typography>
          ) : (
            <Stack spacing={1}>
              <Stack direction="row" spacing={1} alignItems="center">
                <Chip
                  label={last.status}
                  color={last.status === 'PASSED' ? 'success' : last.status === 'RUNNING' ? 'info' : 'error'}
                  size="small"
                />
                <Typography variant="body2">
                  Started {when(last.startedAt)} by {last.startedBy}
                  {last.finishedAt ? `, finished ${when(last.finishedAt)}` : ''}
                </Typography>
              </Stack>
              {running ? (
                <Box>
                  <LinearProgress
                    variant="determinate"
                    value={last.totalRevisions ? Math.min(100, (100 * last.revisions) / last.totalRevisions) : 0}
                    aria-label="Verification progress"
                  />
                  <Typography variant="body2">
                    {last.revisions} of {last.totalRevisions} revisions checked
                  </Typography>
                </Box>
              ) : (
                <Typography variant="body2">
                  {last.records} records and {last.revisions} revisions checked: {last.problems} problem{last.problems === 1 ? '' : 's'}.
                </Typography>
              )}
              {firstBreak ? (
                <Alert severity="error">
                  First break: <RecordLink recordType={firstBreak.recordType} recordId={firstBreak.recordId} version={firstBreak.version} />{' '}
                  ({firstBreak.kind}): {firstBreak.problem}
                </Alert>
              ) : null}
              {last.error ? <Alert severity="error">{last.error}</Alert> : null}
            </Stack>
          )}
        </Box>
        <Typography variant="subtitle1" component="h3" sx={{ mt: 2 }}>
          Latest signed checkpoint
        </Typography>
        <Box data-testid="latest-checkpoint">
          {!checkpoint ? (
            <Typography variant="body2">None yet: the server makes one periodically once the log moves.</Typography>
          ) : (
            <Stack spacing={0.5}>
              <Typography variant="body2">
                Checkpoint {checkpoint.id} at log position {checkpoint.logPosition}: {checkpoint.treeSize} chains, signed{' '}
                {when(checkpoint.createdAt)}.
              </Typography>
              <Stack direction="row" spacing={1} alignItems="center">
                <Typography variant="body2">Root</Typography>
                <HashText hash={checkpoint.rootHash} label="root hash" />
                <Typography variant="body2">key</Typography>
                <HashText hash={checkpoint.keyId} label="key id" />
              </Stack>
              <Typography variant="body2">
                {!last || last.checkpointsChecked === null || last.checkpointsChecked === undefined
                  ? 'Its consistency with earlier checkpoints is checked by "Verify now".'
                  : last.checkpointProblems?.length
                    ? `Inconsistent: ${last.checkpointProblems.join('; ')}`
                    : `Consistent: at the last check, ${last.checkpointsChecked} signatures verified and the log still gave the trees of the latest ${last.checkpointsRecomputed}, each extending the one before.`}
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
          Changes
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
                : `${option.name} (${option.kind === 'API_KEY' ? 'API key' : 'user'}${option.gone ? ', gone' : ''})`
            }
            onInputChange={(_event, value, reason) => reason === 'input' && setActorSearch(value)}
            onChange={(_event, value) => setActor(value === null ? null : typeof value === 'string' ? value.trim() || null : value.actor)}
            renderInput={(params) => <TextField {...params} fullWidth label="Person or API key" placeholder="everyone" />}
          />
          <TextField
            type="datetime-local"
            label="Since"
            sx={{ width: 230 }}
            value={since}
            onChange={(e) => setSince(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            type="datetime-local"
            label="Until"
            sx={{ width: 230 }}
            value={until}
            onChange={(e) => setUntil(e.target.value)}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            select
            label="Record type"
            value={recordType}
            onChange={(e) => setRecordType(e.target.value as RecordType)}
            sx={{ width: 170 }}
          >
            <MenuItem value="">any</MenuItem>
            {RECORD_TYPES.map((type) => (
              <MenuItem key={type} value={type}>
                {type.toLowerCase().replace('_', ' ')}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            label="Operation"
            value={operation}
            onChange={(e) => setOperation(e.target.value as RevisionOperation)}
            sx={{ width: 170 }}
          >
            <MenuItem value="">any</MenuItem>
            {OPERATIONS.map((op) => (
              <MenuItem key={op} value={op}>
                {op.toLowerCase()}
              </MenuItem>
            ))}
          </TextField>
          <Button startIcon={<DownloadIcon />} href={auditTrailCsvUrl(filter)} download="audit-trail.csv">
            Export CSV
          </Button>
        </Stack>
        {changes.error ? <Alert severity="error">{(changes.error as Error).message}</Alert> : null}
        <Typography variant="body2" data-testid="changes-count">
          {changes.isPending ? 'Loading…' : `${changes.data?.pages[0]?.totalCount ?? 0} changes`}
        </Typography>
        <Box sx={{ overflowX: 'auto' }}>
          <Table size="small" aria-label="Changes">
            <TableHead>
              <TableRow>
                <TableCell>When</TableCell>
                <TableCell>Who</TableCell>
                <TableCell>What</TableCell>
                <TableCell>Record</TableCell>
                <TableCell>Why</TableCell>
                <TableCell>Hash</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={row.id} data-log-id={row.id}>
                  <TableCell sx={{ whiteSpace: 'nowrap' }}>{when(row.createdAt)}</TableCell>
                  <TableCell>{row.actorName}</TableCell>
                  <TableCell>{row.operation.toLowerCase()}</TableCell>
                  <TableCell>
                    <RecordLink recordType={row.recordType} recordId={row.recordId} version={row.version} />
                  </TableCell>
                  <TableCell>{row.reason ?? ''}</TableCell>
                  <TableCell>
                    <HashText hash={row.hash} label={`hash of log entry ${row.id}`} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </Box>
        {changes.hasNextPage ? (
          <Button onClick={() => changes.fetchNextPage()} disabled={changes.isFetchingNextPage}>
            Show more
          </Button>
        ) : null}
      </CardContent>
    </Card>
  );
}
