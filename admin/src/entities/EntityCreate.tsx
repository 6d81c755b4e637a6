import { Create } from 'react-admin';

import { CreateToolbar } from '../common/EditToolbar';
import { EntityForm } from './EntityForm';

export function EntityCreate() {
  return (
    <Create redirect="show" title="New entity">
      <EntityForm toolbar={<CreateToolbar />} />
    </Create>
  );
}
