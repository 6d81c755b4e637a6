import EventIcon from '@mui/icons-material/Event';

import { EventCreate } from './EventCreate';
import { EventEdit } from './EventEdit';
import { EventList } from './EventList';
import { EventShow } from './EventShow';

export default { list: EventList, show: EventShow, edit: EventEdit, create: EventCreate, icon: EventIcon, recordRepresentation: 'title' };
