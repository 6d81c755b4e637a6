import type { EntityManager } from 'typeorm';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { EntityKind } from './entities.enums.js';
import { EntityRecord } from './entity.entity.js';

export interface EntityFields {
  name: string;
  kind: EntityKind;
  aliases: string[];
  description: string | null;
  externalIds: Record<string, string>;
  mergedIntoId: string | null;
}

export interface EntityState extends EntityFields, DeletableState {}

const fieldsOf = (row: EntityFields): EntityFields => ({
  name: row.name,
  kind: row.kind,
  aliases: row.aliases,
  description: row.description,
  externalIds: row.externalIds,
  mergedIntoId: row.mergedIntoId,
});

export const EntityKindRecord: RecordKind<EntityState, EntityRecord> = {
  recordType: RecordType.ENTITY,
  table: 'entities',
  entity: EntityRecord,
  revertable: ['name', 'kind', 'aliases', 'description', 'externalIds'],
  async loadState(manager: EntityManager, id: string) {
    const entity = await manager.findOneBy(EntityRecord, { id });
    return entity && EntityKindRecord.stateOfRow!(entity);
  },
  stateOfRow(entity) {
    return { ...fieldsOf(entity), ...deletionState(entity) };
  },
  async saveState(manager, id, state) {
    await manager.update(EntityRecord, { id }, { ...fieldsOf(state), ...deletionColumns(state) });
  },
  hydrate(meta, state) {
    return Object.assign(new EntityRecord(), fieldsOf(state), recordColumns(meta, state));
  },
};
