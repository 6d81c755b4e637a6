import { Create, useNotify, useRedirect } from 'react-admin';
import { useLocation } from 'react-router-dom';

import { CreateToolbar } from '../common/EditToolbar';
import type { NewNameState } from '../ingest/NewName';
import { useApi } from '../providers/useApi';
import { EntityForm } from './EntityForm';

/** Created from an imported name (the Proposals screen's "Create entity"), the entity records that name's note too. */
export function EntityCreate() {
  const state = useLocation().state as Partial<NewNameState> | null;
  const note = state?.newNameNote;
  const api = useApi();
  const notify = useNotify();
  const redirect = useRedirect();
  const recordNote = async (entity: { id: string; name: string; version: number }) => {
    try {
      const moved = await api.recordNewName({
        noteId: note!.id,
        noteExpectedVersion: note!.version,
        entityId: entity.id,
        entityExpectedVersion: entity.version,
      });
      notify('console.ingest.proposals.nameRecorded', {
        type: 'success',
        messageArgs: { name: state?.record?.name, entity: entity.name, smart_count: moved.movedClaims + moved.movedEvents },
      });
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
    redirect('show', 'entities', entity.id);
  };
  return (
    <Create redirect="show" title="console.entities.create.title" mutationOptions={note ? { onSuccess: recordNote } : undefined}>
      <EntityForm toolbar={<CreateToolbar />} />
    </Create>
  );
}
