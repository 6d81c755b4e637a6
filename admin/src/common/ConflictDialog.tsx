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
import { useNotify, useRedirect, useRefresh, useTranslate } from 'react-admin';

import { changedFields } from '../providers/dataProvider';
import { isApiError } from '../providers/graphql';
import { resourceDefinition } from '../providers/resources';
import { useApi } from '../providers/useApi';
import type { FailedSave } from './ProvenanceEdit';
import { useFormatValue, useValueLabels } from './values';
import { useVocabulary } from './vocabulary';

/** Someone saved the record after the editor opened it: their change, the current version, and a way to re-apply. */
export function ConflictDialog({ resource, failed, onClose }: { resource: string; failed: FailedSave; onClose: () => void }) {
  const api = useApi();
  const definition = resourceDefinition(resource);
  const notify = useNotify();
  const translate = useTranslate();
  const formatValue = useFormatValue();
  const vocabulary = useVocabulary();
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
      notify('console.common.conflict.saved', { type: 'success', messageArgs: { version: latest.version } });
      onClose();
      redirect('show', resource, data.id);
      refresh();
    } catch (error) {
      if (isApiError(error) && error.body.code === 'CONFLICT') {
        notify('console.common.conflict.changedAgain', { type: 'warning' });
        await current.refetch();
      } else notify((error as Error | undefined)?.message ?? 'console.common.conflict.notSaved', { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Dialog open onClose={onClose} maxWidth="md" fullWidth aria-labelledby="conflict-title">
      <DialogTitle id="conflict-title">{translate('console.common.conflict.title')}</DialogTitle>
      <DialogContent>
        <Alert severity="warning" sx={{ mb: 2 }}>
          {translate('console.common.conflict.explanation')}
        </Alert>
        {current.data ? (
          <>
            <Typography variant="body2" sx={{ mb: 1 }}>
              {translate('console.common.conflict.versions', { mine: failed.previousData.version, now: current.data.record.version })}{' '}
              {current.data.since
                .map(
                  (revision) =>
                    `${revision.actorName} (${vocabulary(revision.operation).toLowerCase()}${revision.reason ? `: “${revision.reason}”` : ''})`,
                )
                .join('; ')}
            </Typography>
            <Table size="small" aria-label={translate('console.common.conflict.table')}>
              <TableHead>
                <TableRow>
                  <TableCell>{translate('console.common.conflict.field')}</TableCell>
                  <TableCell>{translate('console.common.conflict.opened')}</TableCell>
                  <TableCell>{translate('console.common.conflict.yours')}</TableCell>
                  <TableCell>{translate('console.common.conflict.now')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {fields.map((field) => (
                  <TableRow key={field} data-field={field}>
                    <TableCell component="th">{field}</TableCell>
                    <TableCell>{formatValue(failed.previousData[field], labels, field)}</TableCell>
                    <TableCell sx={{ bgcolor: field in mine ? '#e8f5e9' : undefined }}>
                      {field in mine ? formatValue(mine[field], labels, field) : translate('console.common.conflict.unchanged')}
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
          <Typography>{translate('console.common.conflict.loading')}</Typography>
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
          {translate('console.common.conflict.drop')}
        </Button>
        <Button variant="contained" disabled={!current.data || saving || Object.keys(mine).length === 0} onClick={reapply}>
          {translate('console.common.conflict.apply', { version: current.data?.record.version ?? '…' })}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
