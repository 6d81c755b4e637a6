import { useMemo } from 'react';
import { Create } from 'react-admin';

import { CreateToolbar } from '../common/EditToolbar';
import { evidenceFor, NoSelectionHint, SelectionHeader, useSelection } from '../common/SelectionHeader';
import { EventForm } from './EventForm';

export function EventCreate() {
  const selection = useSelection();
  // A new object each render would reset the form, and with it the API's field errors.
  const defaultValues = useMemo(
    () => ({ title: selection?.selector.exact.slice(0, 200) ?? '', modality: 'OCCURRED', timeExpression: '' }),
    [selection],
  );
  return (
    <Create
      redirect="show"
      title="console.events.create.title"
      transform={(data: Record<string, unknown>) => ({ ...data, evidence: evidenceFor(selection) })}
    >
      <EventForm
        toolbar={<CreateToolbar />}
        header={selection ? <SelectionHeader selection={selection} /> : <NoSelectionHint kind="event" />}
        defaultValues={defaultValues}
      />
    </Create>
  );
}
