import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { ConfirmsSessionInEdit } from '../../core/access/session-check.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { ListArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Reads } from '../../core/sql/needs.js';
import { blocksOf } from '../../core/text/blocks.js';
import { historicalState } from '../../core/time-travel/time-travel.js';
import { readsAsTombstone, seenThrough } from '../../core/visibility/visibility.js';
import type { RequestContext } from '../../graphql/context.js';
import { Source, type SourceState, sourceTombstone } from './source.entity.js';
import { SourceRevision, sourceRevisionTombstone } from './source-revision.entity.js';
import { CreateSourceInput, SourceConnection, SourceFilter, TextBlock, UpdateSourceInput } from './sources.types.js';

@Resolver(() => Source)
export class SourcesResolver {
  @Query(() => Source, { nullable: true, description: 'A source by id; null if there is none or it is deleted.' })
  source(
    @Arg('id', () => ID, { description: "The source's id." }) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, {
      nullable: true,
      description:
        'Read the record as it stood at this moment, from its revisions: its own fields and links then; evidence, reviews and records it leads to as they are now.',
    })
    asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.sources.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => SourceConnection, {
    description: 'Sources, newest first unless `order` says otherwise. Sources are not reviewed: every caller sees every one not deleted.',
  })
  sources(
    @Args() args: ListArgs,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('filter', () => SourceFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
    filter?: SourceFilter,
  ) {
    return services.sources.list(viewer, args, filter ?? {});
  }

  @Authorized(...EDITORS)
  @Mutation(() => Source, { description: 'Records a source; its text becomes the first snapshot. For editors and admins.' })
  async createSource(
    @Arg('input', { description: 'Its metadata and its text as published.' }) input: CreateSourceInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    const written = await services.sources.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.sources.lifecycle.current(written.revision.recordId);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Source, { description: "Changes a source's metadata. For editors and admins." })
  updateSource(
    @Arg('input', { description: 'The source, the version you read, and the fields to change.' }) input: UpdateSourceInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.sources.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Source, { description: 'Soft-deletes a source; its snapshots and evidence stay as they are. For editors and admins.' })
  deleteSource(
    @Arg('input', { description: 'The source, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.sources.lifecycle.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Source, { description: 'Brings a deleted source back. For editors and admins.' })
  restoreSource(
    @Arg('input', { description: 'The deleted source and the version you read.' }) input: RestoreInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.sources.lifecycle.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => [Source], {
    description:
      'The other sources on the same story, as imports grouped them (shared names, dates within days, claims or events told again), oldest first; deleted ones left out.',
  })
  @Reads('storyId')
  async storySources(@Root() source: Source, @Ctx() { loaders }: RequestContext) {
    return (await loaders.sourcesByStoryId.load(source.storyId ?? source.id)).filter((other) => other.id !== source.id);
  }

  @FieldResolver(() => Source, {
    nullable: true,
    description:
      "The first copy of the text this source reprints (another outlet's copy, word for word or nearly); its proposals were folded into that copy's.",
  })
  @Reads('reprintOfId')
  async reprintOf(@Root() source: Source, @Ctx() { loaders, viewer }: RequestContext) {
    return source.reprintOfId ? seenThrough(viewer, await loaders.sourceById.load(source.reprintOfId), sourceTombstone) : null;
  }

  @FieldResolver(() => [SourceRevision], { description: 'Every snapshot of the text, oldest first.' })
  @Reads('deletedAt')
  async revisions(@Root() source: Source, @Ctx() { loaders, viewer }: RequestContext) {
    if (readsAsTombstone(viewer, source)) return [];
    return loaders.sourceRevisionsBySourceId.load(source.id);
  }

  @FieldResolver(() => SourceRevision, {
    description: 'The latest text snapshot, the one new evidence goes on; for a source read `asOf` a past moment, the one it had then.',
  })
  @Reads('deletedAt')
  async currentRevision(@Root() source: Source, @Ctx() { loaders, viewer }: RequestContext) {
    // A source read `asOf` a past moment shows the text it had then.
    const past = historicalState<SourceState>(source);
    const revision = past
      ? await loaders.sourceRevisionById.load(past.textRevision.id)
      : (await loaders.sourceRevisionsBySourceId.load(source.id)).at(-1);
    return revision && readsAsTombstone(viewer, source) ? sourceRevisionTombstone(revision) : revision;
  }
}

@Resolver(() => SourceRevision)
export class SourceRevisionsResolver {
  @FieldResolver(() => [TextBlock], {
    description:
      'The text paragraph by paragraph, with page furniture and repeated paragraphs marked, for readers to dim rather than hide.',
  })
  blocks(@Root() revision: SourceRevision): TextBlock[] {
    return blocksOf(revision.text);
  }

  @FieldResolver(() => Source, { description: 'The source this is a snapshot of.' })
  async source(@Root() revision: SourceRevision, @Ctx() { loaders, viewer }: RequestContext) {
    return seenThrough(viewer, await loaders.sourceById.load(revision.sourceId), sourceTombstone);
  }
}
