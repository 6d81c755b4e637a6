import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { ListArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import type { RequestContext } from '../context.js';
import { EDITORS } from '../users/users.enums.js';
import { writeContextOf } from '../users/viewer.js';
import { CreateEntityInput, EntityConnection, EntityFilter, ExternalId, MergeEntitiesInput, UpdateEntityInput } from './entities.types.js';
import { EntityRecord } from './entity.entity.js';

@Resolver(() => EntityRecord)
export class EntitiesResolver {
  @Query(() => EntityRecord, { nullable: true })
  entity(
    @Arg('id', () => ID) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, { nullable: true, description: 'Read the record as it stood at this moment, from its revisions.' }) asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.entities.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => EntityConnection, { description: 'Entities that are not merged into another.' })
  entities(
    @Args() args: ListArgs,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('filter', () => EntityFilter, { nullable: true }) filter?: EntityFilter,
  ) {
    return services.entities.list(viewer, args, filter ?? {});
  }

  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord)
  async createEntity(@Arg('input') input: CreateEntityInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    const written = await services.entities.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.entities.current(written.revision.recordId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord)
  updateEntity(@Arg('input') input: UpdateEntityInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.entities.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord)
  deleteEntity(@Arg('input') input: DeleteInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.entities.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord)
  restoreEntity(@Arg('input') input: RestoreInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.entities.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord, { description: 'Merges one entity into another; returns the one that remains.' })
  mergeEntities(@Arg('input') input: MergeEntitiesInput, @Ctx() { services, viewer, requestId, idempotency }: RequestContext) {
    return services.entities.merge(writeContextOf(viewer, requestId, idempotency), input);
  }

  @FieldResolver(() => [ExternalId])
  externalIds(@Root() entity: EntityRecord): ExternalId[] {
    return Object.entries(entity.externalIds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([scheme, value]) => ({ scheme, value }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The Wikidata item id, if known: "Q7747".' })
  wikidataId(@Root() entity: EntityRecord): string | null {
    return entity.externalIds.wikidata ?? null;
  }

  @FieldResolver(() => EntityRecord, { nullable: true, description: 'Set when this entity was merged into another.' })
  mergedInto(@Root() entity: EntityRecord, @Ctx() { loaders }: RequestContext) {
    return entity.mergedIntoId ? loaders.entityById.load(entity.mergedIntoId) : null;
  }
}
