import { GraphQLJSONObject } from 'graphql-scalars';
import { Field, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { oneOf } from '../../db/checks.js';
import { User } from '../../modules/users/user.entity.js';
import { RecordType, RevisionOperation } from './revisions.enums.js';

export interface FieldChange {
  before: unknown;
  after: unknown;
}

/**
 * The audit log: one row per write to any record. Append-only (a trigger refuses UPDATE, DELETE and TRUNCATE)
 * and hash-chained per record: `prev_hash` is the hash of the record's previous revision.
 */
@ObjectType({ description: 'One write to one record: who, when, why, what changed, and the state after.' })
@Entity('revisions')
@Unique('UQ_revisions_record_version', ['recordType', 'recordId', 'version'])
@Check('CHK_revisions_record_type', oneOf('record_type', RecordType))
@Check('CHK_revisions_operation', oneOf('operation', RevisionOperation))
@Check('CHK_revisions_version', `"version" >= 1`)
@Check('CHK_revisions_chain_start', `("version" = 1) = ("prev_hash" IS NULL)`)
@Check('CHK_revisions_hash', `"hash" ~ '^[0-9a-f]{64}$'`)
@Index('IDX_revisions_created', ['createdAt'])
@Index('IDX_revisions_actor', ['actor', 'createdAt', 'id'])
export class Revision {
  @Field(() => String, { description: 'Position in the global log.' })
  @PrimaryGeneratedColumn('identity', { type: 'bigint', generatedIdentity: 'ALWAYS' })
  id: string;

  @Field(() => RecordType)
  @Column({ type: 'varchar', length: 20 })
  recordType: RecordType;

  @Field(() => String)
  @Column('uuid')
  recordId: string;

  @Field(() => Int)
  @Column({ type: 'int' })
  version: number;

  @Field(() => RevisionOperation)
  @Column({ type: 'varchar', length: 12 })
  operation: RevisionOperation;

  @Field(() => GraphQLJSONObject, { description: 'Per changed field: `{ before, after }`.' })
  @Column({ type: 'jsonb' })
  changes: Record<string, FieldChange>;

  @Field(() => GraphQLJSONObject, { description: 'The whole record as this revision left it.' })
  @Column({ type: 'jsonb' })
  state: Record<string, unknown>;

  @Field(() => String, { nullable: true, description: 'The edit summary.' })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'Who wrote it: `user:<id>`, or a run such as `seed:<file>`.' })
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id' })
  actorUser?: User;

  @Field(() => String, { nullable: true })
  @Column({ type: 'varchar', length: 100, nullable: true })
  requestId: string | null;

  @Field(() => Date)
  @Column({ type: 'timestamptz' })
  createdAt: Date;

  @Field(() => String, { nullable: true })
  @Column({ type: 'char', length: 64, nullable: true })
  prevHash: string | null;

  @Field()
  @Column({ type: 'char', length: 64 })
  hash: string;
}
