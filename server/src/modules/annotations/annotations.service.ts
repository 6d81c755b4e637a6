import type { DataSource, EntityManager } from 'typeorm';

import { Role } from '../../core/access/roles.js';
import type { Viewer } from '../../core/access/viewer.js';
import { BadInputError, DomainError, ErrorCode, NotFoundError } from '../../core/errors.js';
import { FilterBuilder } from '../../core/filters.js';
import { newId } from '../../core/ids.js';
import { type Connection, type ListArgs, ListOrder, type PageRequest, paginate } from '../../core/paging/connection.js';
import { applyPatch } from '../../core/patch.js';
import { requireReferences } from '../../core/references.js';
import { type ChangeTarget, RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { anchorSelector } from '../evidence/evidence.service.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { Annotation, AnnotationRecord, type AnnotationSpan, type AnnotationState } from './annotation.entity.js';
import { AnnotatedRecordType, Motivation } from './annotations.enums.js';
import type { AnnotationFilter, CreateAnnotationInput, UpdateAnnotationInput } from './annotations.types.js';

const TABLE_OF: Record<AnnotatedRecordType, string> = {
  [AnnotatedRecordType.SOURCE]: 'sources',
  [AnnotatedRecordType.ENTITY]: 'entities',
  [AnnotatedRecordType.EVENT]: 'events',
  [AnnotatedRecordType.CLAIM]: 'claims',
  [AnnotatedRecordType.EVIDENCE]: 'evidence',
  [AnnotatedRecordType.ANNOTATION]: 'annotations',
};

type AnnotationContent = Pick<AnnotationState, 'motivation' | 'body' | 'tags' | 'resolved'>;

function checkContent(fields: AnnotationContent): AnnotationContent {
  const check = new InputCheck();
  const tags = [...new Set(fields.tags.map((tag, i) => check.text(`tags[${i}]`, tag, { max: 100 })))];
  if (tags.length > 50) check.fail('tags', 'must hold at most 50 tags');
  const normalised = {
    motivation: check.oneOf('motivation', fields.motivation, Motivation),
    body: check.text('body', fields.body, { max: 20000 }),
    tags,
    resolved: fields.resolved,
  };
  check.done();
  return normalised;
}

function mustBeAuthor(viewer: Viewer, note: { authorId: string | null }): void {
  if (note.authorId !== viewer.userId && !viewer.roles.includes(Role.ADMIN)) {
    throw new DomainError(ErrorCode.FORBIDDEN, 'Only the author of a note, or an admin, may change or delete it');
  }
}

export class AnnotationsService {
  constructor(private readonly dataSource: DataSource) {}

  /** The notes on a record, oldest first, replies included. */
  forRecord(targetType: AnnotatedRecordType, targetId: string, page: PageRequest): Promise<Connection<Annotation>> {
    const query = this.dataSource.manager
      .createQueryBuilder(Annotation, 'annotation')
      .where('annotation.targetType = :targetType AND annotation.targetId = :targetId AND annotation.deletedAt IS NULL', {
        targetType,
        targetId: requireId(targetId, 'targetId'),
      });
    return paginate(query, { ...page, order: ListOrder.OLDEST_FIRST });
  }

  /** Threads across every record, by their first note. */
  threads(args: ListArgs, filter: AnnotationFilter): Promise<Connection<Annotation>> {
    const query = new FilterBuilder(
      this.dataSource
        .getRepository(Annotation)
        .createQueryBuilder('annotation')
        .where('annotation.parentId IS NULL')
        .andWhere('annotation.deletedAt IS NULL'),
    )
      .when(filter.resolved, '$.resolved = :value')
      .oneOf('motivation', filter.motivation)
      .oneOf('targetType', filter.targetType)
      .when(filter.tag, ':value = ANY($.tags)')
      .done();
    return paginate(query, args);
  }

  async create(context: WriteContext, input: CreateAnnotationInput, manager: EntityManager = this.dataSource.manager): Promise<Annotation> {
    const check = new InputCheck();
    const targetType = check.oneOf('targetType', input.targetType, AnnotatedRecordType);
    const targetId = check.id('targetId', input.targetId);
    const parentId = input.parentId ? check.id('parentId', input.parentId) : null;
    check.done();
    const content = checkContent({ motivation: input.motivation, body: input.body, tags: input.tags ?? [], resolved: false });
    const id = newId();
    const now = new Date();
    await new RecordWriter(manager).create(context, AnnotationRecord, id, null, async (tx) => {
      await requireReferences(tx, [
        { field: 'targetId', table: TABLE_OF[targetType], id: targetId },
        { field: 'parentId', table: 'annotations', id: parentId },
      ]);
      if (parentId) {
        const parent = await tx.findOneByOrFail(Annotation, { id: parentId });
        if (parent.targetType !== targetType || parent.targetId !== targetId) {
          throw new BadInputError([{ field: 'parentId', message: 'a reply is on the same record as the note it answers' }]);
        }
      }
      let span: AnnotationSpan = null;
      if (input.span) {
        const check = new InputCheck();
        if (input.span.sourceRevisionId) check.id('span.sourceRevisionId', input.span.sourceRevisionId);
        else if (input.span.sourceId) check.id('span.sourceId', input.span.sourceId);
        else check.fail('span.sourceId', 'name the source, or one of its revisions');
        check.done();
        const revision = input.span.sourceRevisionId
          ? await tx.findOneBy(SourceRevision, { id: input.span.sourceRevisionId })
          : await tx.findOne(SourceRevision, { where: { sourceId: input.span.sourceId! }, order: { number: 'DESC' } });
        if (!revision) throw new BadInputError([{ field: 'span.sourceId', message: 'no such source text' }]);
        span = { sourceRevisionId: revision.id, ...anchorSelector(revision.text, input.span.selector) };
      }
      return AnnotationRecord.insertState(
        tx,
        id,
        { targetType, targetId, span, ...content, authorId: context.actorUserId, parentId, deletedAt: null, deleteReason: null },
        now,
      );
    });
    return manager.findOneByOrFail(Annotation, { id });
  }

  /** Anyone on the staff may resolve a note; only its author, or an admin, may change what it says. */
  async update(viewer: Viewer, context: WriteContext, input: UpdateAnnotationInput): Promise<Annotation> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason ?? null,
      operation: RevisionOperation.UPDATE,
    };
    await new RecordWriter(this.dataSource).replace(context, AnnotationRecord, target, (before) => {
      const rewrites = input.body !== undefined || input.tags !== undefined || input.motivation !== undefined;
      if (rewrites) mustBeAuthor(viewer, before);
      return {
        ...before,
        ...checkContent(
          applyPatch<AnnotationContent>(
            { motivation: before.motivation, body: before.body, tags: before.tags, resolved: before.resolved },
            input,
          ),
        ),
      };
    });
    return this.current(target.id);
  }

  async delete(viewer: Viewer, context: WriteContext, target: ChangeTarget): Promise<Annotation> {
    const id = requireId(target.id);
    const note = await this.dataSource.manager.findOneBy(Annotation, { id });
    if (!note) throw new NotFoundError('Annotation', id);
    mustBeAuthor(viewer, note);
    await new RecordWriter(this.dataSource).softDelete(context, AnnotationRecord, { ...target, id });
    return this.current(id);
  }

  async restore(context: WriteContext, target: ChangeTarget): Promise<Annotation> {
    await new RecordWriter(this.dataSource).restore(context, AnnotationRecord, { ...target, id: requireId(target.id) });
    return this.current(target.id);
  }

  current(id: string): Promise<Annotation> {
    return this.dataSource.manager.findOneByOrFail(Annotation, { id });
  }
}
