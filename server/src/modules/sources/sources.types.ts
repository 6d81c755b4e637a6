import { connectionType } from '../../core/paging/connection.js';
import { Source } from './source.entity.js';

export const SourceConnection = connectionType(Source, 'Source');
