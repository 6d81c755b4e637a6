import ArticleIcon from '@mui/icons-material/Article';
import { lazy } from 'react';

import { SourceList } from './SourceList';

// Only the list is in the first download: a record's page and forms load when first opened.
const SourceShow = lazy(() => import('./SourceShow').then((module) => ({ default: module.SourceShow })));
const SourceEdit = lazy(() => import('./SourceEdit').then((module) => ({ default: module.SourceEdit })));
const SourceCreate = lazy(() => import('./SourceCreate').then((module) => ({ default: module.SourceCreate })));

export default {
  list: SourceList,
  show: SourceShow,
  edit: SourceEdit,
  create: SourceCreate,
  icon: ArticleIcon,
  recordRepresentation: 'title',
};
