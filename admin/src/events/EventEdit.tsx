import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { EventForm } from './EventForm';

export function EventEdit() {
  return (
    <ProvenanceEdit title="Edit event">
      <EventForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}
