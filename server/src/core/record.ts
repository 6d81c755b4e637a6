import { Field, ID, Int, InterfaceType, ObjectType } from 'type-graphql';
import { Column, PrimaryColumn } from 'typeorm';

/**
 * A record a client may fetch again by its id alone (Relay's Node): `node(id:)` and `nodes(ids:)` find it whatever
 * its kind, since record ids are UUIDs, unique across every table.
 */
@InterfaceType({
  description: 'A record fetched again by its id alone with `node(id:)` or `nodes(ids:)` (Relay).',
})
export abstract class Node {
  @Field(() => ID, { description: 'Its UUID, unique across every kind of record.' })
  id: string;
}

/**
 * Columns every editable record shares: a version for optimistic concurrency (invariant 3) and a soft delete
 * with its reason (invariant 5). Only `core/revisions` changes `version`.
 */
@ObjectType()
export abstract class VersionedRecord implements Node {
  @Field(() => ID, { description: 'Its UUID, stable for the life of the record.' })
  @PrimaryColumn('uuid')
  id: string;

  @Field(() => Int, { description: 'Incremented by every write; send it back as `expectedVersion`.' })
  @Column({ type: 'int', default: 1 })
  version: number;

  @Field(() => Date, { description: 'When the record was created.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;

  @Field(() => Date, { description: 'When the record was last written: any edit, review step, deletion or restore.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  updatedAt: Date;

  @Field(() => Date, { nullable: true, description: 'When the record was soft-deleted; null unless it is deleted.' })
  @Column({ type: 'timestamptz', nullable: true })
  deletedAt: Date | null;

  @Field(() => String, { nullable: true, description: 'Why it was deleted, as the deleter put it; null unless it is deleted.' })
  @Column({ type: 'text', nullable: true })
  deleteReason: string | null;
}

/** What a deleted record's name or title reads as where someone who may not see it is led to it. */
export const TOMBSTONE_NAME = 'deleted';

/** A deleted record's tombstone keeps what says which record it was and when it went: nothing of its content. */
export function tombstoneOf<T extends VersionedRecord>(record: T, blank: T): T {
  return Object.assign(blank, {
    id: record.id,
    version: record.version,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    deletedAt: record.deletedAt,
    deleteReason: null,
  });
}
