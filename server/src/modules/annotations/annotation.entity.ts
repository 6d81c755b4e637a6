import { Field, ObjectType } from 'type-graphql';
import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';

import type { TextSelector } from '../../core/anchoring/text-quote.js';
import { Node, VersionedRecord } from '../../core/record.js';
import { composite, declareKind, type KindState } from '../../core/records/declaration.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { oneOf } from '../../db/checks.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { User } from '../users/user.entity.js';
import { AnnotatedRecordType, Motivation } from './annotations.enums.js';

/** A note on a record, or on a span of a source revision's text; replies thread through `parentId`. */
@ObjectType({ implements: Node, description: 'A note on a record or on a span of text.' })
@Entity('annotations')
@Check('CHK_annotations_motivation', oneOf('motivation', Motivation))
@Check('CHK_annotations_target_type', oneOf('target_type', AnnotatedRecordType))
@Check('CHK_annotations_body', `length(btrim("body")) > 0`)
@Check(
  'CHK_annotations_span',
  `("source_revision_id" IS NULL AND "exact" IS NULL AND "start_pos" IS NULL AND "end_pos" IS NULL) OR ` +
    `("source_revision_id" IS NOT NULL AND length("exact") > 0 AND 0 <= "start_pos" AND "start_pos" < "end_pos")`,
)
@Index('IDX_annotations_target', ['targetType', 'targetId'])
@Index('IDX_annotations_parent', ['parentId'])
export class Annotation extends VersionedRecord {
  @Field(() => AnnotatedRecordType, { description: 'The kind of record the note is on.' })
  @Column({ type: 'varchar', length: 20 })
  targetType: AnnotatedRecordType;

  @Column('uuid')
  targetId: string;

  @Column({ type: 'uuid', nullable: true })
  sourceRevisionId: string | null;

  @ManyToOne(() => SourceRevision, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'source_revision_id' })
  sourceRevision?: SourceRevision;

  @Column({ type: 'text', nullable: true })
  exact: string | null;

  @Column({ type: 'text', nullable: true })
  prefix: string | null;

  @Column({ type: 'text', nullable: true })
  suffix: string | null;

  @Column({ type: 'int', nullable: true })
  startPos: number | null;

  @Column({ type: 'int', nullable: true })
  endPos: number | null;

  @Field(() => Motivation, { description: 'Why the note was written.' })
  @Column({ type: 'varchar', length: 16 })
  motivation: Motivation;

  @Field({ description: "The note's text." })
  @Column({ type: 'text' })
  body: string;

  @Field(() => [String], { description: 'Free-form tags.' })
  @Column({ type: 'text', array: true, default: '{}' })
  tags: string[];

  @Column({ type: 'uuid', nullable: true })
  authorId: string | null;

  @ManyToOne(() => User, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'author_id' })
  author?: User;

  @Field({ description: 'Whether the matter the note raises is settled.' })
  @Column({ type: 'boolean', default: false })
  resolved: boolean;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => Annotation, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id' })
  parent?: Annotation;
}

/** Set when the note is on a span of a source revision's text. */
export type AnnotationSpan = (TextSelector & { sourceRevisionId: string }) | null;

/** The service checks the content, the target and the span, which it anchors in its revision's text. */
export const AnnotationRecord = declareKind(RecordType.ANNOTATION, Annotation, {
  fields: {
    targetType: { empty: AnnotatedRecordType.CLAIM },
    targetId: { empty: '' },
    motivation: { empty: Motivation.COMMENTING, revertable: true },
    body: { empty: '', revertable: true },
    tags: { empty: [], revertable: true },
    authorId: { empty: null },
    resolved: { empty: false, revertable: true },
    parentId: { empty: null },
  },
  composites: {
    span: composite(Annotation, {
      columns: ['sourceRevisionId', 'exact', 'prefix', 'suffix', 'startPos', 'endPos'],
      empty: null,
      toState: (row): AnnotationSpan =>
        row.sourceRevisionId && row.exact !== null
          ? {
              sourceRevisionId: row.sourceRevisionId,
              exact: row.exact,
              prefix: row.prefix ?? '',
              suffix: row.suffix ?? '',
              start: row.startPos!,
              end: row.endPos!,
            }
          : null,
      toRow: (span) => ({
        sourceRevisionId: span?.sourceRevisionId ?? null,
        exact: span?.exact ?? null,
        prefix: span?.prefix ?? null,
        suffix: span?.suffix ?? null,
        startPos: span?.start ?? null,
        endPos: span?.end ?? null,
      }),
    }),
  },
});

export type AnnotationState = KindState<typeof AnnotationRecord>;
