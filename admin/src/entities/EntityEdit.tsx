import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { EntityForm } from './EntityForm';

export function EntityEdit() {
  return (
    <ProvenanceEdit title="console.entities.edit.title">
      <EntityForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}
