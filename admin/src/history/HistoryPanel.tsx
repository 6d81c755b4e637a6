import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Radio,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useCanAccess, useNotify, useRecordContext, useRefresh, useResourceContext, useTranslate } from 'react-admin';

import { useDates } from '../common/dates';
import { useFormatValue, useValueLabels } from '../common/values';
import { useVocabulary } from '../common/vocabulary';
import type { RevisionRow } from '../providers/dataProvider';
import { resourceDefinition } from '../providers/resources';
import { useApi } from '../providers/useApi';
import { ChainStatusPanel } from './ChainStatusPanel';
import { diffStates } from './diff';
import { HashText } from './HashText';

/** Every revision of the record (who, when, why), a diff between any two, and a revert to one as a new revision. */
export default function HistoryPanel() {
  const record = useRecordContext();
  const resource = useResourceContext()!;
  const api = useApi();
  const translate = useTranslate();
  const vocabulary = useVocabulary();
  const dates = useDates();
  const formatValue = useFormatValue();
  const { recordType } = resourceDefinition(resource);
  const { canAccess: mayRevert } = useCanAccess({ resource, action: 'edit', record });
  const history = useQuery({
    queryKey: ['revisions', recordType, record?.id, record?.version],
    queryFn: () => api.revisions({ recordType, recordId: record!.id }),
    enabled: Boolean(record),
  });
  const revisions = history.data ?? [];
  const [reverting, setReverting] = useState<RevisionRow | null>(null);
  // The versions compared are the last two until the editor picks others; a new revision brings back the last two,
  // so a choice is kept with the latest version it was made against.
  const latest = revisions.at(-1)?.version ?? null;
  const [picked, setPicked] = useState<{ latest: number | null; from: number | null; to: number | null } | null>(null);
  const current = picked?.latest === latest ? picked : null;
  const from = current ? current.from : revisions.length > 1 ? revisions.at(-2)!.version : (revisions[0]?.version ?? null);
  const to = current ? current.to : latest;
  const setFrom = (version: number) => setPicked({ latest, from: version, to });
  const setTo = (version: number) => setPicked({ latest, from, to: version });

  const older = revisions.find((r) => r.version === from);
  const newer = revisions.find((r) => r.version === to);
  const differences = older && newer ? diffStates(older.state, newer.state) : [];
  const labels = useValueLabels(
    differences.map((difference) => ({ field: difference.field, values: [difference.before, difference.after] })),
  );

  if (history.isPending) return <Typography>{translate('console.history.loading')}</Typography>;
  if (history.error) return <Alert severity="error">{(history.error as Error).message}</Alert>;

  return (
    <Stack spacing={2} data-testid="history">
      {record ? <ChainStatusPanel recordType={recordType} recordId={String(record.id)} version={record.version} /> : null}
      <Box sx={{ overflowX: 'auto' }}>
        <Table size="small" aria-label={translate('console.history.revisions')}>
          <TableHead>
            <TableRow>
              <TableCell>{translate('console.history.columns.from')}</TableCell>
              <TableCell>{translate('console.history.columns.to')}</TableCell>
              <TableCell>{translate('console.history.columns.version')}</TableCell>
              <TableCell>{translate('console.history.columns.what')}</TableCell>
              <TableCell>{translate('console.history.columns.who')}</TableCell>
              <TableCell>{translate('console.history.columns.when')}</TableCell>
              <TableCell>{translate('console.history.columns.why')}</TableCell>
              <TableCell>{translate('console.history.columns.fields')}</TableCell>
              <TableCell>{translate('console.history.columns.hashes')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {[...revisions].reverse().map((revision) => (
              <TableRow key={revision.id} data-version={revision.version} selected={revision.version === from || revision.version === to}>
                <TableCell padding="checkbox">
                  <Radio
                    size="small"
                    checked={revision.version === from}
                    onChange={() => setFrom(revision.version)}
                    inputProps={{ 'aria-label': translate('console.history.compareFrom', { version: revision.version }) }}
                  />
                </TableCell>
                <TableCell padding="checkbox">
                  <Radio
                    size="small"
                    checked={revision.version === to}
                    onChange={() => setTo(revision.version)}
                    inputProps={{ 'aria-label': translate('console.history.compareTo', { version: revision.version }) }}
                  />
                </TableCell>
                <TableCell>{revision.version}</TableCell>
                <TableCell>{vocabulary(revision.operation).toLowerCase()}</TableCell>
                <TableCell>{revision.actorName}</TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{dates.moment(revision.createdAt)}</TableCell>
                <TableCell>{revision.reason ?? ''}</TableCell>
                <TableCell>
                  {revision.operation === 'CREATE' ? translate('console.history.allCreated') : Object.keys(revision.changes).join(', ')}
                </TableCell>
                <TableCell>
                  <HashText hash={revision.hash} label={translate('console.history.hashOf', { version: revision.version })} />
                  <HashText hash={revision.prevHash} label={translate('console.history.previousHashOf', { version: revision.version })} />
                </TableCell>
                <TableCell>
                  {mayRevert && revision.version !== record?.version && !record?.deletedAt ? (
                    <Button size="small" onClick={() => setReverting(revision)}>
                      {translate('console.history.revertToThis')}
                    </Button>
                  ) : null}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </Box>

      <Box>
        <Typography variant="h6" gutterBottom>
          {translate('console.history.compared', { from, to })}
        </Typography>
        {differences.length === 0 ? (
          <Typography color="text.secondary">{translate('console.history.noDifference')}</Typography>
        ) : (
          <Table size="small" aria-label={translate('console.history.differences')}>
            <TableHead>
              <TableRow>
                <TableCell>{translate('console.common.conflict.field')}</TableCell>
                <TableCell>{translate('console.history.version', { version: from })}</TableCell>
                <TableCell>{translate('console.history.version', { version: to })}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {differences.map((difference) => (
                <TableRow key={difference.field} data-field={difference.field}>
                  <TableCell component="th">{difference.field}</TableCell>
                  <TableCell sx={{ bgcolor: '#ffebee', textDecoration: 'line-through', textDecorationColor: '#c6282866' }}>
                    {formatValue(difference.before, labels, difference.field)}
                  </TableCell>
                  <TableCell sx={{ bgcolor: '#e8f5e9' }}>{formatValue(difference.after, labels, difference.field)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Box>
      {reverting && record ? (
        <RevertDialog revision={reverting} currentVersion={record.version} onClose={() => setReverting(null)} />
      ) : null}
    </Stack>
  );
}

function RevertDialog({ revision, currentVersion, onClose }: { revision: RevisionRow; currentVersion: number; onClose: () => void }) {
  const api = useApi();
  const notify = useNotify();
  const translate = useTranslate();
  const refresh = useRefresh();
  const [reason, setReason] = useState(() => translate('console.history.revert.reason', { version: revision.version }));
  const [busy, setBusy] = useState(false);
  const revert = async () => {
    setBusy(true);
    try {
      await api.revert({ revisionId: revision.id, expectedVersion: currentVersion, reason });
      notify('console.history.revert.done', { type: 'success', messageArgs: { version: revision.version } });
      onClose();
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog open onClose={onClose}>
      <DialogTitle>{translate('console.history.revert.title', { version: revision.version })}</DialogTitle>
      <DialogContent>
        <Typography variant="body2" sx={{ mb: 1 }}>
          {translate('console.history.revert.explanation')}
        </Typography>
        <TextField
          autoFocus
          fullWidth
          label={translate('console.history.columns.why')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
        />
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>{translate('ra.action.cancel')}</Button>
        <Button variant="contained" disabled={busy || !reason.trim()} onClick={revert}>
          {translate('console.history.revert.action')}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
