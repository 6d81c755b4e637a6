import { EditToolbar } from '../common/EditToolbar';
import { ProvenanceEdit } from '../common/ProvenanceEdit';
import { SourceForm } from './SourceForm';

export function SourceEdit() {
  return (
    <ProvenanceEdit title="console.sources.edit.title">
      <SourceForm toolbar={<EditToolbar />} />
    </ProvenanceEdit>
  );
}
