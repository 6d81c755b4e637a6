import GroupIcon from '@mui/icons-material/Group';

import { EntityCreate } from './EntityCreate';
import { EntityEdit } from './EntityEdit';
import { EntityList } from './EntityList';
import { EntityShow } from './EntityShow';

export default {
  list: EntityList,
  show: EntityShow,
  edit: EntityEdit,
  create: EntityCreate,
  icon: GroupIcon,
  recordRepresentation: 'name',
};
