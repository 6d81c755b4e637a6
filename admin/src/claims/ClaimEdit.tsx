import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { ClaimForm } from './ClaimForm';

export function ClaimEdit() {
  return (
    <ProvenanceEdit title="console.claims.edit.title">
      <ClaimForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}
