import type { EntityManager } from 'typeorm';
import type { RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { EntityRecord } from './entity.entity.js';

export interface EntityState extends Record<string, unknown> {
  name: string;
  kind: string;
  aliases: string[];
  description: string | null;
  externalIds: Record<string, string>;
  mergedIntoId: string | null;
  deletedAt: string | null;
  deleteReason: string | null;
}

export const EntityKindRecord: RecordKind<EntityState> = {
  recordType: RecordType.ENTITY,
  table: 'entities',
  async loadState(manager: EntityManager, id: string) {
    const entity = await manager.findOneBy(EntityRecord, { id });
    if (!entity) return null;
    return {
      name: entity.name,
      kind: entity.kind,
      aliases: entity.aliases,
      description: entity.description,
      externalIds: entity.externalIds,
      mergedIntoId: entity.mergedIntoId,
      deletedAt: entity.deletedAt?.toISOString() ?? null,
      deleteReason: entity.deleteReason,
    };
  },
};
