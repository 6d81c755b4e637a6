import { type ReactNode, useState } from 'react';
import { Edit, type Identifier, type RaRecord, useNotify, useRedirect, useResourceContext } from 'react-admin';

import { isApiError } from '../providers/graphql';
import { ConflictDialog } from './ConflictDialog';

export interface FailedSave {
  id: Identifier;
  data: Record<string, unknown>;
  previousData: RaRecord;
}

/**
 * An edit page whose save is sent against the version the editor read. When someone else saved first, the API
 * answers CONFLICT and nothing is written; the editor then sees their change beside the current version and can
 * apply it again, so no one's work is lost and no one's is overwritten unseen.
 */
export function ProvenanceEdit({ children, title }: { children: ReactNode; title?: ReactNode }) {
  const resource = useResourceContext()!;
  const [conflict, setConflict] = useState<FailedSave | null>(null);
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <>
      <Edit
        title={title}
        mutationMode="pessimistic"
        redirect="show"
        mutationOptions={{
          onSuccess: (saved: RaRecord) => {
            notify('console.common.provenanceEdit.saved', { type: 'success' });
            redirect('show', resource, saved.id);
          },
          onError: (error, variables) => {
            if (isApiError(error) && error.body.code === 'CONFLICT') setConflict(variables as FailedSave);
            else
              notify((error as Error | undefined)?.message ?? 'console.common.provenanceEdit.notSaved', { type: 'error', multiLine: true });
          },
        }}
      >
        {children}
      </Edit>
      {conflict ? <ConflictDialog resource={resource} failed={conflict} onClose={() => setConflict(null)} /> : null}
    </>
  );
}
