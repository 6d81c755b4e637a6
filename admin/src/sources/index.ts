import ArticleIcon from '@mui/icons-material/Article';

import { SourceCreate } from './SourceCreate';
import { SourceEdit } from './SourceEdit';
import { SourceList } from './SourceList';
import { SourceShow } from './SourceShow';

export default {
  list: SourceList,
  show: SourceShow,
  edit: SourceEdit,
  create: SourceCreate,
  icon: ArticleIcon,
  recordRepresentation: 'title',
};
