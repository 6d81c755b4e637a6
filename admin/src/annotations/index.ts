import CommentIcon from '@mui/icons-material/Comment';

import { AnnotationList } from './AnnotationList';

export default { list: AnnotationList, icon: CommentIcon };
