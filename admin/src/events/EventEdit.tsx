import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { EventForm } from './EventForm';

export function EventEdit() {
  return (
    <ProvenanceEdit title="console.events.edit.title">
      <EventForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}
