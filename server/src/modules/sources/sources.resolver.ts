import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import type { RequestContext } from '../context.js';
import { EDITORS } from '../users/users.enums.js';
import { writeContextOf } from '../users/viewer.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';
import { CorrectSourceTextInput, CreateSourceInput, ReanchorReport, SourceConnection, SourceFilter, UpdateSourceInput } from './sources.types.js';

@Resolver(() => Source)
export class SourcesResolver {
  @Query(() => Source, { nullable: true })
  source(
    @Arg('id', () => ID) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, { nullable: true, description: 'Read the record as it stood at this moment, from its revisions.' }) asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.sources.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => SourceConnection)
  sources(
    @Args() args: ListArgs,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('filter', () => SourceFilter, { nullable: true }) filter?: SourceFilter,
  ) {
    return services.sources.list(viewer, args, filter ?? {});
  }

  @Authorized(...EDITORS)
  @Mutation(() => Source)
  async createSource(@Arg('input') input: CreateSourceInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    const written = await services.sources.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.sources.current(written.revision.recordId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Source, { description: "Changes a source's metadata." })
  updateSource(@Arg('input') input: UpdateSourceInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.sources.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Source)
  deleteSource(@Arg('input') input: DeleteInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.sources.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Source)
  restoreSource(@Arg('input') input: RestoreInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.sources.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @Authorized(...EDITORS)
  @Mutation(() => ReanchorReport, { description: 'Corrects the text: a new snapshot, and every evidence re-anchored, with a report.' })
  correctSourceText(@Arg('input') input: CorrectSourceTextInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.sources.correctText(writeContextOf(viewer, requestId, idempotency), input);
  }

  @FieldResolver(() => [SourceRevision], { description: 'Every snapshot of the text, oldest first.' })
  revisions(@Root() source: Source, @Ctx() { loaders }: RequestContext) {
    return loaders.sourceRevisionsBySourceId.load(source.id);
  }

  @FieldResolver(() => SourceRevision, { description: 'The current text snapshot.' })
  async currentRevision(@Root() source: Source, @Ctx() { loaders }: RequestContext) {
    return (await loaders.sourceRevisionsBySourceId.load(source.id)).at(-1);
  }
}

@Resolver(() => SourceRevision)
export class SourceRevisionsResolver {
  @FieldResolver(() => Source)
  source(@Root() revision: SourceRevision, @Ctx() { loaders }: RequestContext) {
    return loaders.sourceById.load(revision.sourceId);
  }
}
