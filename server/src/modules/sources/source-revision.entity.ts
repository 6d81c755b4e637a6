import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';

import { TOMBSTONE_NAME } from '../../core/record.js';
import { SearchVector } from '../../core/sql/search-vector.js';
import { User } from '../users/user.entity.js';
import { Source } from './source.entity.js';

/** An immutable snapshot of a source's text. A correction adds a snapshot; none is ever edited (a trigger refuses it). */
@ObjectType({ description: "An immutable snapshot of a source's text." })
@Entity('source_revisions')
@Unique('UQ_source_revisions_number', ['sourceId', 'number'])
@Check('CHK_source_revisions_number', `"number" >= 1`)
@Check('CHK_source_revisions_sha256', `"sha256" = encode(sha256(convert_to("text", 'UTF8')), 'hex')`)
@Index('IDX_source_revisions_search', { synchronize: false })
export class SourceRevision {
  @Field(() => ID, { description: 'Its UUID; evidence and annotations point into this snapshot by it.' })
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  sourceId: string;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'source_id' })
  source?: Source;

  @Field(() => Int, { description: "Its place in the source's history: 1 is the text as first recorded, and each correction adds one." })
  @Column({ type: 'int' })
  number: number;

  @Field({ description: 'The whole text of this snapshot; evidence positions count its Unicode code points.' })
  @Column({ type: 'text' })
  text: string;

  @SearchVector(`to_tsvector('english', "text")`)
  searchVector?: string;

  @Field({ description: 'Hex SHA-256 of the UTF-8 text; the database checks it.' })
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Field(() => String, {
    nullable: true,
    description: 'Why this text was recorded: what the correction fixed, or the edit summary of the creation.',
  })
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Field({ description: 'Who recorded this text: a user, or the seed or import run.' })
  @Column({ type: 'varchar', length: 200 })
  actor: string;

  @Column({ type: 'uuid', nullable: true })
  actorUserId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'actor_user_id' })
  actorUser?: User;

  @Field(() => Date, { description: 'When this text was recorded.' })
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}

/**
 * A text snapshot of a deleted source, as a record someone may see leads to it: which snapshot it was and the hash
 * of its text (a fingerprint, not the words), with no text.
 */
export function sourceRevisionTombstone(revision: SourceRevision): SourceRevision {
  return Object.assign(new SourceRevision(), {
    id: revision.id,
    sourceId: revision.sourceId,
    number: revision.number,
    text: '',
    sha256: revision.sha256,
    reason: null,
    actor: TOMBSTONE_NAME,
    actorUserId: null,
    createdAt: revision.createdAt,
  });
}
