import PersonIcon from '@mui/icons-material/Person';

import { UserCreate } from './UserCreate';
import { UserEdit } from './UserEdit';
import { UserList } from './UserList';
import { UserShow } from './UserShow';

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, icon: PersonIcon, recordRepresentation: 'name' };
