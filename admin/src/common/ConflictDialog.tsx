import {
  Alert,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useRedirect, useRefresh } from 'react-admin';

import { changedFields } from '../providers/dataProvider';
import { isApiError } from '../providers/graphql';
import { resourceDefinition } from '../providers/resources';
import { useApi } from '../providers/useApi';
import type { FailedSave } from './ProvenanceEdit';
import { formatValue, useValueLabels } from './values';

/** Someone saved the record after the editor opened it: their change, the current version, and a way to re-apply. */
export function ConflictDialog({ resource, failed, onClose }: { resource: string; failed: FailedSave; onClose: () => void }) {
  const api = useApi();
  const definition = resourceDefinition(resource);
  const notify = useNotify();
  const refresh = useRefresh();
  const redirect = useRedirect();
  const [saving, setSaving] = useState(false);
  const current = useQuery({
    queryKey: ['conflict', resource, failed.id],
    queryFn: async () => {
      const { data } = await api.getOne(resource, { id: failed.id });
      const history = await api.revisions({ recordType: definition.recordType, recordId: failed.id });
      return { record: data, since: history.filter((revision) => revision.version > failed.previousData.version) };
    },
  });
  const mine = changedFields(definition, failed.data, failed.previousData);
  const theirs = current.data ? changedFields(definition, current.data.record, failed.previousData) : {};
  const fields = [...new Set([...Object.keys(mine), ...Object.keys(theirs)])];
  const labels = useValueLabels(
    fields.map((field) => ({ field, values: [failed.previousData[field], mine[field], current.data?.record[field]] })),
  );

  const reapply = async () => {
    if (!current.data) return;
    setSaving(true);
    try {
      const latest = current.data.record;
      const { data } = await api.update(resource, {
        id: failed.id,
        data: { ...latest, ...mine, reason: failed.data.reason },
        previousData: latest,
      });
      notify(`Your change is saved on top of version ${latest.version}.`, { type: 'success' });
      onClose();
      redirect('show', resource, data.id);
      refresh();
    } catch (error) {
      if (isApiError(error) && error.body.code === 'CONFLICT') {
        notify('It changed again while you looked; here is the newest version.', { type: 'warning' });
        await current.refetch();
      } else notify((error as Error | undefined)?.message ?? 'Not saved', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">Someone saved this record while you were editing it</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          Nothing of yours was written and nothing of theirs was overwritten. Compare below, then apply your change to the current version,
          or drop it.
        </Alert>
        {current.data ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              You edited version {failed.previousData.version}; it is now version {current.data.record.version}.{' '}
              {current.data.since
                .map(
                  (revision) =>
                    `${revision.actorName} (${revision.operation.toLowerCase()}${revision.reason ? `: “${revision.reason}”` : ''})`,
                )
                .join('; ')}
            </Typography>
            <Table size="small" aria-label="Your change and the current version">
              <TableHead>
                <TableRow>
                  <TableCell>Field</TableCell>
                  <TableCell>When you opened it</TableCell>
                  <TableCell>Your change</TableCell>
                  <TableCell>Now</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {fields.map((field) => (
                  <TableRow key={field} data-field={field}>
                    <TableCell component="th">{field}</TableCell>
                    <TableCell>{formatValue(failed.previousData[field], labels, field)}</TableCell>
                    <TableCell sx={{ bgcolor: field in mine ? '#e8f5e9' : undefined }}>
                      {field in mine ? formatValue(mine[field], labels, field) : '(unchanged)'}
                    </TableCell>
                    <TableCell sx={{ bgcolor: field in theirs ? '#fff3e0' : undefined }}>
                      {formatValue(current.data!.record[field], labels, field)}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        ) : (
          <Typography>Loading the current version…</Typography>
        )}
      </DialogContent>
      <DialogActions>
        <Button
          onClick={() => {
            onClose();
            redirect('show', resource, failed.id);
            refresh();
          }}
        >
          Drop my change
        </Button>
        <Button variant="contained" disabled={!current.data || saving || Object.keys(mine).length === 0} onClick={reapply}>
          Apply my change to version {current.data?.record.version ?? '…'}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
