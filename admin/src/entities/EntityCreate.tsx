import { Create } from 'react-admin';

import { CreateToolbar } from '../common/EditToolbar';
import { EntityForm } from './EntityForm';

export function EntityCreate() {
  return (
    <Create redirect="show" title="console.entities.create.title">
      <EntityForm toolbar={<CreateToolbar />} />
    </Create>
  );
}
