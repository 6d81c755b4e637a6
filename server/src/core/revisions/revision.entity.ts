import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { oneOf } from '../../db/checks.js';
import { RecordType, RevisionOperation } from './revisions.enums.js';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * The audit log: one row per write to any record. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE)
 * and hash-chained per record: `prev_hash` is the hash of the record's previous revision. Partitioned by range of
 * id (migration PartitionedRevisions), so (record_type, record_id, version) has a plain index here, and its
 * uniqueness is kept by a trigger over the per-record heads table, refusing with UQ_revisions_record_version.
 */
@ObjectType({ description: 'One write to one record: who, when, why, what changed, and the state after.' })
@Entity('revisions')
@Index('IDX_revisions_record', ['recordType', 'recordId', 'version'])
@Check('CHK_revisions_record_type', oneOf('record_type', RecordType))
@Check('CHK_revisions_operation', oneOf('operation', RevisionOperation))
@Check('CHK_revisions_version', `"version" >= 1`)
@Check('CHK_revisions_chain_start', `("version" = 1) = ("prev_hash" IS NULL)`)
@Check('CHK_revisions_hash', `"hash" ~ '^[0-9a-f]{64}$'`)
@Index('IDX_revisions_created', ['createdAt'])
@Index('IDX_revisions_actor', ['actor', 'createdAt', 'id'])
// (xact_id, id) in that order, which TypeORM would list by property order instead.
@Index('IDX_revisions_feed', { synchronize: false })
export class Revision {
  @Field(() => String, { description: 'Position in the global log; what `revert` takes.' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => RecordType, { description: 'The kind of record written.' })
  @Column({ type: 'varchar', length: 20 })
  recordType: RecordType;

  @Field(() => String, { description: 'The id of the record written.' })
  @Column('uuid')
  recordId: string;

  @Field(() => Int, { description: "The record's version after this write; 1 is its creation." })
  @Column({ type: 'int' })
  version: number;

  @Field(() => RevisionOperation, { description: 'What the write did.' })
  @Column({ type: 'varchar', length: 12 })
  operation: RevisionOperation;

  @Field(() => GraphQLJSONObject, { description: 'Per changed field: `{ before, after }`.' })
  @Column({ type: 'jsonb' })
  changes: Record<string, FieldChange>;

  @Field(() => GraphQLJSONObject, { description: 'The whole record as this revision left it.' })
  @Column({ type: 'jsonb' })
  state: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: "Why: the edit summary, the reason for a deletion, or the reviewer's comment." })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'Who wrote it: `user:<id>` for a person, `api-key:<id>`, or a batch run such as `seed:<file>`.' })
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  // Users are a domain module, which core does not import: the relation names them by string and is never
  // loaded, only declared for the foreign key.
  @ManyToOne('User', { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id' })
  actorUser?: unknown;

  @Field(() => String, {
    nullable: true,
    description: 'The API request that wrote it, shared by every write of that request; null outside a request (seeds, imports, the CLI).',
  })
  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Field(() => Date, { description: 'When it was written.' })
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => String, { nullable: true, description: "`hash` of the record's previous revision; null for version 1." })
  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  /**
   * The transaction that wrote it (PostgreSQL's 64-bit xid), set by the database: the change feed's order, since
   * ids are taken at insert and may become readable out of order. Not hashed: a restore may renumber it.
   */
  @Column({ type: 'bigint', default: () => 'current_xact_id()', select: false, insert: false })
  xactId: string;

  @Field({ description: "Hex SHA-256 over this revision and `prevHash`, chaining the record's history; verifyRevisionChain checks it." })
  @Column({ type: 'char', length: 64 })
  hash: string;
}
