import type { EntityManager } from 'typeorm';
import type { TextSelector } from '../../core/anchoring/text-quote.js';
import { deletionColumns, deletionState, recordColumns } from '../../core/revisions/deletable.js';
import type { DeletableState, RecordKind } from '../../core/revisions/record-writer.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import { Annotation } from './annotation.entity.js';
import type { AnnotatedRecordType, Motivation } from './annotations.enums.js';

export interface AnnotationState extends DeletableState {
  targetType: AnnotatedRecordType;
  targetId: string;
  /** Set when the note is on a span of a source revision's text. */
  span: (TextSelector & { sourceRevisionId: string }) | null;
  motivation: Motivation;
  body: string;
  tags: string[];
  authorId: string | null;
  resolved: boolean;
  parentId: string | null;
}

const columnsOf = (state: AnnotationState) => ({
  targetType: state.targetType,
  targetId: state.targetId,
  sourceRevisionId: state.span?.sourceRevisionId ?? null,
  exact: state.span?.exact ?? null,
  prefix: state.span?.prefix ?? null,
  suffix: state.span?.suffix ?? null,
  startPos: state.span?.start ?? null,
  endPos: state.span?.end ?? null,
  motivation: state.motivation,
  body: state.body,
  tags: state.tags,
  authorId: state.authorId,
  resolved: state.resolved,
  parentId: state.parentId,
});

export const AnnotationRecord: RecordKind<AnnotationState, Annotation> = {
  recordType: RecordType.ANNOTATION,
  table: 'annotations',
  entity: Annotation,
  revertable: ['motivation', 'body', 'tags', 'resolved'],
  async loadState(manager: EntityManager, id: string) {
    const row = await manager.findOneBy(Annotation, { id });
    return row && AnnotationRecord.stateOfRow!(row);
  },
  stateOfRow(row) {
    return {
      targetType: row.targetType,
      targetId: row.targetId,
      span:
        row.sourceRevisionId && row.exact !== null
          ? { sourceRevisionId: row.sourceRevisionId, exact: row.exact, prefix: row.prefix ?? '', suffix: row.suffix ?? '', start: row.startPos!, end: row.endPos! }
          : null,
      motivation: row.motivation,
      body: row.body,
      tags: row.tags,
      authorId: row.authorId,
      resolved: row.resolved,
      parentId: row.parentId,
      ...deletionState(row),
    };
  },
  async saveState(manager, id, state) {
    await manager.update(Annotation, { id }, { ...columnsOf(state), ...deletionColumns(state) });
  },
  hydrate(meta, state) {
    return Object.assign(new Annotation(), columnsOf(state), recordColumns(meta, state));
  },
};
