import FormatQuoteIcon from '@mui/icons-material/FormatQuote';

import { ClaimCreate } from './ClaimCreate';
import { ClaimEdit } from './ClaimEdit';
import { ClaimList } from './ClaimList';
import { ClaimShow } from './ClaimShow';

export default {
  list: ClaimList,
  show: ClaimShow,
  edit: ClaimEdit,
  create: ClaimCreate,
  icon: FormatQuoteIcon,
  recordRepresentation: 'text',
};
