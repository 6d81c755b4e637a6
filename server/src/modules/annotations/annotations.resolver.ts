import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import type { RequestContext } from '../context.js';
import { STAFF } from '../users/users.enums.js';
import { writeContextOf } from '../users/viewer.js';
import { Annotation } from './annotation.entity.js';
import { AnnotatedRecordType } from './annotations.enums.js';
import { AnnotationSpan, CreateAnnotationInput, UpdateAnnotationInput } from './annotations.types.js';

/** Notes discuss unreviewed work, so they are for staff only. */
@Resolver(() => Annotation)
export class AnnotationsResolver {
  @Authorized(...STAFF)
  @Query(() => [Annotation], { description: 'The notes on a record, oldest first, replies included.' })
  annotations(
    @Arg('targetType', () => AnnotatedRecordType) targetType: AnnotatedRecordType,
    @Arg('targetId', () => ID) targetId: string,
    @Ctx() { services }: RequestContext,
  ) {
    return services.annotations.forRecord(targetType, targetId);
  }

  @Authorized(...STAFF)
  @Mutation(() => Annotation)
  createAnnotation(@Arg('input') input: CreateAnnotationInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.annotations.create(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...STAFF)
  @Mutation(() => Annotation)
  updateAnnotation(@Arg('input') input: UpdateAnnotationInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.annotations.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...STAFF)
  @Mutation(() => Annotation)
  deleteAnnotation(@Arg('input') input: DeleteInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.annotations.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...STAFF)
  @Mutation(() => Annotation)
  restoreAnnotation(@Arg('input') input: RestoreInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.annotations.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => String)
  targetId(@Root() annotation: Annotation): string {
    return annotation.targetId;
  }

  @FieldResolver(() => AnnotationSpan, { nullable: true })
  span(@Root() annotation: Annotation): AnnotationSpan | null {
    if (!annotation.sourceRevisionId || annotation.exact === null) return null;
    return {
      sourceRevisionId: annotation.sourceRevisionId,
      selector: { exact: annotation.exact, prefix: annotation.prefix ?? '', suffix: annotation.suffix ?? '', start: annotation.startPos!, end: annotation.endPos! },
    };
  }

  @FieldResolver(() => String, { nullable: true, description: 'The author\'s name.' })
  async authorName(@Root() annotation: Annotation, @Ctx() { loaders }: RequestContext) {
    return annotation.authorId ? ((await loaders.userById.load(annotation.authorId))?.name ?? null) : null;
  }

  @FieldResolver(() => ID, { nullable: true, description: 'The note this one replies to.' })
  parentId(@Root() annotation: Annotation): string | null {
    return annotation.parentId;
  }
}
