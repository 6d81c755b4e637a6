import type { JsonShape } from '../../core/sql/passthrough.js';
import { EntityRecord, entityTombstone } from './entity.entity.js';

/** An entity as PostgreSQL writes it into an answer (core/sql/passthrough.ts): its plain fields, a tombstone when deleted. */
export const entityJson: JsonShape = { type: 'Entity', entity: EntityRecord, tombstone: entityTombstone };
