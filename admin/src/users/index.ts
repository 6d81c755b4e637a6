import PersonIcon from '@mui/icons-material/Person';
import { lazy } from 'react';

import { UserList } from './UserList';

// Only the list is in the first download: a record's page and forms load when first opened.
const UserShow = lazy(() => import('./UserShow').then((module) => ({ default: module.UserShow })));
const UserEdit = lazy(() => import('./UserEdit').then((module) => ({ default: module.UserEdit })));
const UserCreate = lazy(() => import('./UserCreate').then((module) => ({ default: module.UserCreate })));

export default { list: UserList, show: UserShow, edit: UserEdit, create: UserCreate, icon: PersonIcon, recordRepresentation: 'name' };
