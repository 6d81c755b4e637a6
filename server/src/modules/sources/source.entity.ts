import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import { DatePrecision } from '../../core/dates/precision.js';
import { Node, TOMBSTONE_NAME, tombstoneOf, VersionedRecord } from '../../core/record.js';
import { declareKind, type KindInput, type KindState, readOnly } from '../../core/records/declaration.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { InputCheck } from '../../core/validation.js';
import { dateMatchesPrecision, nullOrOneOf, oneOf } from '../../db/checks.js';
import { PublicationDateBasis, Reliability, SourceKind } from './sources.enums.js';

@ObjectType({ implements: Node, description: 'A document that events and claims are drawn from.' })
@Entity('sources')
@Check('CHK_sources_kind', oneOf('kind', SourceKind))
@Check('CHK_sources_reliability', nullOrOneOf('reliability', Reliability))
@Check('CHK_sources_published_precision', nullOrOneOf('published_precision', [DatePrecision.DAY, DatePrecision.MONTH, DatePrecision.YEAR]))
@Check('CHK_sources_published_at', dateMatchesPrecision('published_at', 'published_precision'))
@Check(
  'CHK_sources_published_basis',
  `("published_at" IS NULL) = ("published_basis" IS NULL) AND (${nullOrOneOf('published_basis', PublicationDateBasis)})`,
)
@Check('CHK_sources_title', `length(btrim("title")) > 0`)
@Index('IDX_sources_title_trgm', { synchronize: false })
@Index('IDX_sources_story', ['storyId'])
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

  @Field(() => PublicationDateBasis, {
    nullable: true,
    description: 'Whether the date is stated in the source or inferred from its content; set exactly when `publishedAt` is.',
  })
  @Column({ type: 'varchar', length: 32, nullable: true })
  publishedBasis: PublicationDateBasis | null;

  @Field(() => String, { nullable: true, description: "How the publication date is known, in the editor's words." })
  @Column({ type: 'text', nullable: true })
  publishedNote: string | null;

  @Field({ description: 'BCP 47 language tag.' })
  @Column({ type: 'varchar', length: 35 })
  language: string;

  @Field(() => SourceKind, { description: 'What sort of document it is.' })
  @Column({ type: 'varchar', length: 32 })
  kind: SourceKind;

  @Field(() => Reliability, {
    nullable: true,
    description: 'Admiralty grade of the source, A (completely reliable) to F (cannot be judged); null if not graded.',
  })
  @Column({ type: 'char', length: 1, nullable: true })
  reliability: Reliability | null;

  @Field(() => String, { nullable: true, description: "Why it got that grade, in the editor's words." })
  @Column({ type: 'text', nullable: true })
  reliabilityNote: string | null;

  /** The first source of the story this one tells, as the import found it (shared names, dates within days); null for a first. */
  @Column({ type: 'uuid', nullable: true })
  storyId: string | null;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'story_id' })
  story?: Source;

  /** The first copy of the text this one reprints, as the import found it; its proposals went to that copy's. */
  @Column({ type: 'uuid', nullable: true })
  reprintOfId: string | null;

  @ManyToOne(() => Source, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'reprint_of_id' })
  reprintOf?: Source;
}

/** A BCP 47 tag, loosely: a primary language and optional subtags. */
const LANGUAGE_TAG = /^[a-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

function checkLanguage(check: InputCheck, value: string, field: string): string {
  const language = check.text(field, value, { max: 35 });
  if (language && !LANGUAGE_TAG.test(language)) check.fail(field, 'must be a BCP 47 language tag such as "en" or "pt-BR"');
  return language;
}

/**
 * A source's state is its metadata and its current text snapshot. The text is not written from a state:
 * snapshots are immutable, and a change of text goes through correctSourceText, which re-anchors the evidence.
 * The service checks the publication date, its precision and how it is known, together.
 */
export const SourceRecord = declareKind(RecordType.SOURCE, Source, {
  fields: {
    title: { empty: '', revertable: true, check: (check, title, field) => check.text(field, title, { max: 500 }) },
    url: { empty: null, revertable: true, check: (check, url, field) => check.url(field, url) },
    publisher: { empty: null, revertable: true, check: (check, value, field) => check.optionalText(field, value, { max: 300 }) },
    author: { empty: null, revertable: true, check: (check, value, field) => check.optionalText(field, value, { max: 300 }) },
    publishedAt: { empty: null, revertable: true },
    publishedPrecision: { empty: null, revertable: true },
    publishedBasis: { empty: null, revertable: true },
    publishedNote: { empty: null, revertable: true, check: (check, value, field) => check.optionalText(field, value, { max: 5000 }) },
    language: { empty: '', revertable: true, check: checkLanguage },
    kind: { empty: SourceKind.OTHER, revertable: true, check: (check, kind, field) => check.oneOf(field, kind, SourceKind) },
    reliability: { empty: null, revertable: true, check: (check, value, field) => (value ? check.oneOf(field, value, Reliability) : null) },
    reliabilityNote: { empty: null, revertable: true, check: (check, value, field) => check.optionalText(field, value, { max: 5000 }) },
    storyId: { empty: null, workflow: true },
    reprintOfId: { empty: null, workflow: true },
  },
  readOnly: {
    /** The current text snapshot; the text itself lives, immutable, in `source_revisions`. */
    textRevision: readOnly<{ id: string; number: number; sha256: string }>(
      (_, id) =>
        `(SELECT json_build_object('id', sr."id", 'number', sr."number", 'sha256', sr."sha256") FROM "source_revisions" sr WHERE sr."source_id" = ${id} ORDER BY sr."number" DESC LIMIT 1)`,
    ),
  },
});

export type SourceState = KindState<typeof SourceRecord>;
export type SourceInput = KindInput<typeof SourceRecord>;

/** A deleted source as a record someone may see leads to it (see `seenThrough`): its id, "deleted", no content. */
export function sourceTombstone(source: Source): Source {
  return tombstoneOf(source, Object.assign(new Source(), SourceRecord.empty(), { title: TOMBSTONE_NAME, language: 'und' }));
}
