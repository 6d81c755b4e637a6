import FormatQuoteIcon from '@mui/icons-material/FormatQuote';
import { lazy } from 'react';

import { ClaimList } from './ClaimList';

// Only the list is in the first download: a record's page and forms load when first opened.
const ClaimShow = lazy(() => import('./ClaimShow').then((module) => ({ default: module.ClaimShow })));
const ClaimEdit = lazy(() => import('./ClaimEdit').then((module) => ({ default: module.ClaimEdit })));
const ClaimCreate = lazy(() => import('./ClaimCreate').then((module) => ({ default: module.ClaimCreate })));

export default {
  list: ClaimList,
  show: ClaimShow,
  edit: ClaimEdit,
  create: ClaimCreate,
  icon: FormatQuoteIcon,
  recordRepresentation: 'text',
};
