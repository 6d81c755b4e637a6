import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { ClaimForm } from './ClaimForm';

export function ClaimEdit() {
  return (
    <ProvenanceEdit title="Edit claim">
      <ClaimForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}
