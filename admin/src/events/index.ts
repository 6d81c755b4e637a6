import EventIcon from '@mui/icons-material/Event';
import { lazy } from 'react';

import { EventList } from './EventList';

// Only the list is in the first download: a record's page and forms load when first opened.
const EventShow = lazy(() => import('./EventShow').then((module) => ({ default: module.EventShow })));
const EventEdit = lazy(() => import('./EventEdit').then((module) => ({ default: module.EventEdit })));
const EventCreate = lazy(() => import('./EventCreate').then((module) => ({ default: module.EventCreate })));

export default { list: EventList, show: EventShow, edit: EventEdit, create: EventCreate, icon: EventIcon, recordRepresentation: 'title' };
