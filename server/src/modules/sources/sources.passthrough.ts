import type { JsonShape } from '../../core/sql/passthrough.js';
import { Source, sourceTombstone } from './source.entity.js';

/** A source as PostgreSQL writes it into an answer (core/sql/passthrough.ts): its plain fields, a tombstone when deleted. */
export const sourceJson: JsonShape = { type: 'Source', entity: Source, tombstone: sourceTombstone };
