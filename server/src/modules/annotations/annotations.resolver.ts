import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { STAFF } from '../../core/access/roles.js';
import { ConfirmsSessionInEdit } from '../../core/access/session-check.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { ListArgs, PageArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import type { RequestContext } from '../../graphql/context.js';
import { Annotation } from './annotation.entity.js';
import { AnnotatedRecordType } from './annotations.enums.js';
import {
  AnnotationConnection,
  AnnotationFilter,
  AnnotationSpan,
  CreateAnnotationInput,
  UpdateAnnotationInput,
} from './annotations.types.js';

/** Notes discuss unreviewed work, so they are for staff only. */
@Resolver(() => Annotation)
export class AnnotationsResolver {
  @Authorized(...STAFF)
  @Query(() => AnnotationConnection, {
    description: 'The notes on a record, oldest first, replies included; deleted notes left out. For staff: editors, reviewers and admins.',
  })
  annotations(
    @Arg('targetType', () => AnnotatedRecordType, { description: 'The kind of record.' }) targetType: AnnotatedRecordType,
    @Arg('targetId', () => ID, { description: "The record's id." }) targetId: string,
    @Args() page: PageArgs,
    @Ctx() { services }: RequestContext,
  ) {
    return services.annotations.forRecord(targetType, targetId, page);
  }

  @Authorized(...STAFF)
  @Query(() => AnnotationConnection, {
    description:
      'Threads of notes across every record (each thread by its first note), newest first unless `order` says otherwise; deleted notes left out. For staff: editors, reviewers and admins.',
  })
  annotationThreads(
    @Args() args: ListArgs,
    @Ctx() { services }: RequestContext,
    @Arg('filter', () => AnnotationFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
    filter?: AnnotationFilter,
  ) {
    return services.annotations.threads(args, filter ?? {});
  }

  @FieldResolver(() => Int, { description: 'How many replies the note has, deleted ones left out.' })
  replyCount(@Root() annotation: Annotation, @Ctx() { loaders }: RequestContext): Promise<number> {
    return loaders.annotationReplyCount.load(annotation.id);
  }

  @Authorized(...STAFF)
  @Mutation(() => Annotation, {
    description: 'Adds a note on a record, on words in a source, or in reply to another note. For staff: editors, reviewers and admins.',
  })
  createAnnotation(
    @Arg('input', { description: 'What the note is on, why, and what it says.' }) input: CreateAnnotationInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.annotations.create(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...STAFF)
  @Mutation(() => Annotation, {
    description:
      "Changes a note's text, tags or motivation, or marks it resolved, whoever wrote it. For staff: editors, reviewers and admins.",
  })
  updateAnnotation(
    @Arg('input', { description: 'The note, the version you read, and the fields to change.' }) input: UpdateAnnotationInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.annotations.update(viewer, writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...STAFF)
  @Mutation(() => Annotation, { description: 'Soft-deletes a note; its replies stay. For staff: editors, reviewers and admins.' })
  deleteAnnotation(
    @Arg('input', { description: 'The note, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.annotations.delete(viewer, writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...STAFF)
  @Mutation(() => Annotation, { description: 'Brings a deleted note back. For staff: editors, reviewers and admins.' })
  restoreAnnotation(
    @Arg('input', { description: 'The deleted note and the version you read.' }) input: RestoreInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.annotations.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => String, { description: 'The id of the record the note is on.' })
  targetId(@Root() annotation: Annotation): string {
    return annotation.targetId;
  }

  @FieldResolver(() => AnnotationSpan, {
    nullable: true,
    description: "The words in a source's text the note is on; null for a note on the whole record.",
  })
  span(@Root() annotation: Annotation): AnnotationSpan | null {
    if (!annotation.sourceRevisionId || annotation.exact === null) return null;
    return {
      sourceRevisionId: annotation.sourceRevisionId,
      selector: {
        exact: annotation.exact,
        prefix: annotation.prefix ?? '',
        suffix: annotation.suffix ?? '',
        start: annotation.startPos!,
        end: annotation.endPos!,
      },
    };
  }

  @FieldResolver(() => String, { nullable: true, description: "The author's name; null when a batch run wrote it." })
  async authorName(@Root() annotation: Annotation, @Ctx() { loaders }: RequestContext) {
    return annotation.authorId ? ((await loaders.userById.load(annotation.authorId))?.name ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The note this one replies to.' })
  parentId(@Root() annotation: Annotation): string | null {
    return annotation.parentId;
  }
}
