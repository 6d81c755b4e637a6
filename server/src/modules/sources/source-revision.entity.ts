import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, Unique } from 'typeorm';
import { User } from '../users/user.entity.js';
import { Source } from './source.entity.js';

/** An immutable snapshot of a source's text. A correction adds a snapshot; none is ever edited (a trigger refuses it). */
@ObjectType({ description: "An immutable snapshot of a source's text." })
@Entity('source_revisions')
@Unique('UQ_source_revisions_number', ['sourceId', 'number'])
@Check('CHK_source_revisions_number', `"number" >= 1`)
@Check('CHK_source_revisions_sha256', `"sha256" = encode(sha256(convert_to("text", 'UTF8')), 'hex')`)
@Index('IDX_source_revisions_text_fts', { synchronize: false })
export class SourceRevision {
  @Field(() => ID)
  @PrimaryColumn('uuid')
  id: string;

  @Column('uuid')
  sourceId: string;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT', nullable: false })
  @JoinColumn({ name: 'source_id' })
  source?: Source;

  @Field(() => Int)
  @Column({ type: 'int' })
  number: number;

  @Field()
  @Column({ type: 'text' })
  text: string;

  @Field({ description: 'Hex SHA-256 of the UTF-8 text; the database checks it.' })
  @Column({ type: 'char', length: 64 })
  sha256: string;

  @Field(() => String, { nullable: true })
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

  @Field(() => Date)
  @Column({ type: 'timestamptz', default: () => 'now()' })
  createdAt: Date;
}
