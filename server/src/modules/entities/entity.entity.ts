import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { Node, TOMBSTONE_NAME, tombstoneOf, VersionedRecord } from '../../core/record.js';
import { declareKind, type KindInput, type KindState } from '../../core/records/declaration.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { oneOf } from '../../db/checks.js';
import { EntityKind } from './entities.enums.js';

/** An actor, organisation, state or place. Named `EntityRecord` in code only to spare TypeORM's `@Entity`. */
@ObjectType('Entity', { implements: Node, description: 'An actor, organisation, state or place.' })
@Entity('entities')
@Check('CHK_entities_kind', oneOf('kind', EntityKind))
@Check('CHK_entities_name', `length(btrim("name")) > 0`)
@Check('CHK_entities_external_ids', `jsonb_typeof("external_ids") = 'object'`)
@Check('CHK_entities_not_merged_into_self', `"merged_into_id" IS NULL OR "merged_into_id" <> "id"`)
@Index('IDX_entities_names_trgm', { synchronize: false })
export class EntityRecord extends VersionedRecord {
  @Field({ description: 'Its main name.' })
  @Column({ type: 'varchar', length: 300 })
  name: string;

  @Field(() => EntityKind, { description: 'What kind of entity it is.' })
  @Column({ type: 'varchar', length: 16 })
  kind: EntityKind;

  @Field(() => [String], { description: 'Other names it goes by: "SAC", "the junta".' })
  @Column({ type: 'text', array: true, default: '{}' })
  aliases: string[];

  @Field(() => String, { nullable: true, description: 'A short note on who or what it is, to tell namesakes apart.' })
  @Column({ type: 'text', nullable: true })
  description: string | null;

  /** Identifiers in other registries, by scheme: `{ "wikidata": "Q7747" }`. */
  @Column({ type: 'jsonb', default: '{}' })
  externalIds: Record<string, string>;

  /** Set when this entity was merged into another: it stays as a redirect. */
  @Column({ type: 'uuid', nullable: true })
  mergedIntoId: string | null;

  @ManyToOne(() => EntityRecord, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'merged_into_id' })
  mergedInto?: EntityRecord;
}

/** A deleted entity as a record someone may see leads to it (see `seenThrough`): its id, "deleted", no content. */
export function entityTombstone(entity: EntityRecord): EntityRecord {
  return tombstoneOf(entity, Object.assign(new EntityRecord(), EntityKindRecord.empty(), { name: TOMBSTONE_NAME, mergedIntoId: null }));
}

/** The service checks an editor's fields: external ids come as a list of {scheme, value} or as a map. */
export const EntityKindRecord = declareKind(RecordType.ENTITY, EntityRecord, {
  fields: {
    name: { empty: '', revertable: true },
    kind: { empty: EntityKind.OTHER, revertable: true },
    aliases: { empty: [], revertable: true },
    description: { empty: null, revertable: true },
    externalIds: { empty: {}, revertable: true },
    mergedIntoId: { empty: null, workflow: true },
  },
});

export type EntityState = KindState<typeof EntityKindRecord>;
/** What an editor sets on an entity; a merge sets where it was merged into. */
export type EntityInput = KindInput<typeof EntityKindRecord>;
