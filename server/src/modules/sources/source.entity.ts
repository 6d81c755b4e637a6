import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index } from 'typeorm';
import { DatePrecision } from '../../core/dates/precision.js';
import { VersionedRecord } from '../../core/record.js';
import { dateMatchesPrecision, nullOrOneOf, oneOf } from '../../db/checks.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';

@ObjectType({ description: 'A document that events and claims are drawn from.' })
@Entity('sources')
@Check('CHK_sources_kind', oneOf('kind', SourceKind))
@Check('CHK_sources_reliability', nullOrOneOf('reliability', Reliability))
@Check('CHK_sources_published_precision', nullOrOneOf('published_precision', [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]))
@Check('CHK_sources_published_at', dateMatchesPrecision('published_at', 'published_precision'))
@Check('CHK_sources_published_basis', `("published_at" IS NULL) = ("published_basis" IS NULL) AND (${nullOrOneOf('published_basis', PublicationDateBasis)})`)
@Check('CHK_sources_title', `length(btrim("title")) > 0`)
@Index('IDX_sources_title_trgm', { synchronize: false })
export class Source extends VersionedRecord {
  @Field({ description: 'Its title or headline, as published.' })
  @Column({ type: 'varchar', length: 500 })
  title: string;

  @Field(() => String, { nullable: true, description: 'Where it was published: an http or https URL.' })
  @Column({ type: 'varchar', length: 2048, nullable: true })
  url: string | null;

  @Field(() => String, { nullable: true, description: 'Who published it: an outlet, a ministry, an agency.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  publisher: string | null;

  @Field(() => String, { nullable: true, description: 'Its byline, if it has one.' })
  @Column({ type: 'varchar', length: 300, nullable: true })
  author: string | null;

  @Field(() => String, { nullable: true, description: 'ISO date, the start of its period at `publishedPrecision`.' })
  @Column({ type: 'date', nullable: true })
  publishedAt: string | null;

  @Field(() => DatePrecision, { nullable: true, description: 'How precisely `publishedAt` is known: DAY, MONTH or YEAR.' })
  @Column({ type: 'varchar', length: 8, nullable: true })
  publishedPrecision: DatePrecision | null;

  @Field(() => PublicationDateBasis, { nullable: true, description: 'Whether the date is stated in the source or inferred from its content; set exactly when `publishedAt` is.' })
  @Column({ type: 'varchar', length: 32, nullable: true })
  publishedBasis: PublicationDateBasis | null;

  @Field(() => String, { nullable: true, description: 'How the publication date is known, in the editor\'s words.' })
  @Column({ type: 'text', nullable: true })
  publishedNote: string | null;

  @Field({ description: 'BCP 47 language tag.' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field(() => SourceKind, { description: 'What sort of document it is.' })
  @Column({ type: 'varchar', length: 32 })
  kind: SourceKind;

  @Field(() => Reliability, { nullable: true, description: 'Admiralty grade of the source, A (completely reliable) to F (cannot be judged); null if not graded.' })
  @Column({ type: 'char', length: 1, nullable: true })
  reliability: Reliability | null;

  @Field(() => String, { nullable: true, description: "Why it got that grade, in the editor's words." })
  @Column({ type: 'text', nullable: true })
  reliabilityNote: string | null;
}

