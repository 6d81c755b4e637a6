import GroupIcon from '@mui/icons-material/Group';
import { lazy } from 'react';

import { EntityList } from './EntityList';

// Only the list is in the first download: a record's page and forms load when first opened.
const EntityShow = lazy(() => import('./EntityShow').then((module) => ({ default: module.EntityShow })));
const EntityEdit = lazy(() => import('./EntityEdit').then((module) => ({ default: module.EntityEdit })));
const EntityCreate = lazy(() => import('./EntityCreate').then((module) => ({ default: module.EntityCreate })));

export default {
  list: EntityList,
  show: EntityShow,
  edit: EntityEdit,
  create: EntityCreate,
  icon: GroupIcon,
  recordRepresentation: 'name',
};
