import { useMemo } from 'react';
import { Create } from 'react-admin';

import { CreateToolbar } from '../common/EditToolbar';
import { evidenceFor, NoSelectionHint, SelectionHeader, useSelection } from '../common/SelectionHeader';
import { ClaimForm } from './ClaimForm';

/** A new claim, as a DRAFT; made from a selection in the reader, it is created with that evidence in one step. */
export function ClaimCreate() {
  const selection = useSelection();
  // A new object each render would reset the form, and with it the API's field errors.
  const defaultValues = useMemo(
    () => ({ text: selection?.selector.exact ?? '', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED' }),
    [selection],
  );
  return (
    <Create
      redirect="show"
      title="console.claims.create.title"
      transform={(data: Record<string, unknown>) => ({ ...data, evidence: evidenceFor(selection) })}
    >
      <ClaimForm
        toolbar={<CreateToolbar />}
        header={selection ? <SelectionHeader selection={selection} /> : <NoSelectionHint kind="claim" />}
        defaultValues={defaultValues}
      />
    </Create>
  );
}
