import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../core/paging/connection.js';
import type { RequestContext } from '../context.js';
import { EntityConnection, ExternalId } from './entities.types.js';
import { EntityRecord } from './entity.entity.js';

@Resolver(() => EntityRecord)
export class EntitiesResolver {
  @Query(() => EntityRecord, { nullable: true })
  entity(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: RequestContext) {
    return services.entities.get(viewer, id);
  }

  @Query(() => EntityConnection, { description: 'Entities that are not merged into another.' })
  entities(@Args() page: PageArgs, @Ctx() { services, viewer }: RequestContext) {
    return services.entities.list(viewer, page);
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
