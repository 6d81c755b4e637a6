import { Button, Chip, Dialog, DialogActions, DialogContent, DialogContentText, DialogTitle, Stack, Typography } from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { EntityAutocomplete, type PickedEntity } from '../entities/EntityAutocomplete';
import type { ProposedEventsQuery } from '../gql/graphql';
import { useApi } from '../providers/useApi';

export type NewNameNote = ProposedEventsQuery['annotationThreads']['edges'][number]['node'];

/** What the entity form is handed when it creates an entity for a new name: the note to record it against. */
export interface NewNameState {
  record: { name: string };
  newNameNote: { id: string; version: number };
}

/**
 * A name the importer found that matches no entity. Creating an entity for it, or linking it to one the store has,
 * records it (recordNewName): the name becomes an alias, and the proposals drawn from this text that carry it as
 * a bare label name the entity instead.
 */
export function NewName({ note }: { note: NewNameNote }) {
  const navigate = useNavigate();
  const api = useApi();
  const notify = useNotify();
  const translate = useTranslate();
  const queryClient = useQueryClient();
  const [linking, setLinking] = useState(false);
  const [entity, setEntity] = useState<PickedEntity | null>(null);
  const name = note.span?.selector.exact ?? '';
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['proposals'] });
  const dismiss = async () => {
    try {
      await api.resolveNote({
        id: note.id,
        expectedVersion: note.version,
        resolved: true,
        reason: translate('console.ingest.proposals.notAnEntity'),
      });
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const create = () => {
    const state: NewNameState = { record: { name }, newNameNote: { id: note.id, version: note.version } };
    navigate('/entities/create', { state });
  };
  const link = async () => {
    if (!entity) return;
    try {
      const moved = await api.recordNewName({
        noteId: note.id,
        noteExpectedVersion: note.version,
        entityId: entity.id,
        entityExpectedVersion: entity.version,
      });
      notify('console.ingest.proposals.nameRecorded', {
        type: 'success',
        messageArgs: { name, entity: entity.name, smart_count: moved.movedClaims + moved.movedEvents },
      });
      setLinking(false);
      await refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap data-testid="new-name">
      <Chip label={name} />
      <Typography variant="body2" color="text.secondary" sx={{ flex: 1, minWidth: 200 }}>
        {note.body}
      </Typography>
      <Button size="small" onClick={create}>
        {translate('console.ingest.proposals.createEntity')}
      </Button>
      <Button size="small" onClick={() => setLinking(true)}>
        {translate('console.ingest.proposals.linkEntity')}
      </Button>
      <Button size="small" onClick={dismiss}>
        {translate('console.ingest.proposals.dismiss')}
      </Button>
      <Dialog open={linking} onClose={() => setLinking(false)} fullWidth>
        <DialogTitle>{translate('console.ingest.proposals.linkTitle', { name })}</DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>{translate('console.ingest.proposals.linkExplanation', { name })}</DialogContentText>
          <EntityAutocomplete label={translate('console.ingest.proposals.linkTarget')} enabled={linking} onChange={setEntity} />
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setLinking(false)}>{translate('ra.action.cancel')}</Button>
          <Button variant="contained" disabled={!entity} onClick={link}>
            {translate('console.ingest.proposals.link')}
          </Button>
        </DialogActions>
      </Dialog>
    </Stack>
  );
}
