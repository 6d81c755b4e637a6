import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { ConfirmsSessionInEdit } from '../../core/access/session-check.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { ListArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Reads } from '../../core/sql/needs.js';
import { seenThrough } from '../../core/visibility/visibility.js';
import type { RequestContext } from '../../graphql/context.js';
import { CreateEntityInput, EntityConnection, EntityFilter, ExternalId, UpdateEntityInput } from './entities.types.js';
import { EntityRecord, entityTombstone } from './entity.entity.js';

@Resolver(() => EntityRecord)
export class EntitiesResolver {
  @Query(() => EntityRecord, {
    nullable: true,
    description: 'An entity by id; a merged one is still found, with `mergedInto` naming the one it went into.',
  })
  entity(
    @Arg('id', () => ID, { description: "The entity's id." }) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, {
      nullable: true,
      description:
        'Read the record as it stood at this moment, from its revisions: its own fields and links then; evidence, reviews and records it leads to as they are now.',
    })
    asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.entities.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => EntityConnection, { description: 'Entities that are not merged into another, newest first unless `order` says otherwise.' })
  entities(
    @Args() args: ListArgs,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('filter', () => EntityFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
    filter?: EntityFilter,
  ) {
    return services.entities.list(viewer, args, filter ?? {});
  }

  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord, { description: 'Records an entity. For editors and admins.' })
  async createEntity(
    @Arg('input', { description: 'Its name, kind and other names.' }) input: CreateEntityInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    const written = await services.entities.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.entities.lifecycle.current(written.revision.recordId);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord, { description: "Changes an entity's fields. For editors and admins." })
  updateEntity(
    @Arg('input', { description: 'The entity, the version you read, and the fields to change.' }) input: UpdateEntityInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.entities.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord, {
    description: 'Soft-deletes an entity; claims and events that name it keep naming it. For editors and admins.',
  })
  deleteEntity(
    @Arg('input', { description: 'The entity, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.entities.lifecycle.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord, { description: 'Brings a deleted entity back. For editors and admins.' })
  restoreEntity(
    @Arg('input', { description: 'The deleted entity and the version you read.' }) input: RestoreInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.entities.lifecycle.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => [ExternalId], { description: 'Its identifiers in other registries, by scheme.' })
  externalIds(@Root() entity: EntityRecord): ExternalId[] {
    return Object.entries(entity.externalIds)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([scheme, value]) => ({ scheme, value }));
  }

  @FieldResolver(() => String, { nullable: true, description: 'The Wikidata item id, if known: "Q7747".' })
  @Reads('externalIds')
  wikidataId(@Root() entity: EntityRecord): string | null {
    return entity.externalIds.wikidata ?? null;
  }

  @FieldResolver(() => EntityRecord, { nullable: true, description: 'Set when this entity was merged into another.' })
  @Reads('mergedIntoId')
  async mergedInto(@Root() entity: EntityRecord, @Ctx() { loaders, viewer }: RequestContext) {
    return entity.mergedIntoId ? seenThrough(viewer, await loaders.entityById.load(entity.mergedIntoId), entityTombstone) : null;
  }
}
