import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { SearchArgs, SearchConnection } from './search.types.js';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, { description: 'Claims, events, entities and sources matching words, best first; what a caller may see only.' })
  search(@Args() args: SearchArgs, @Ctx() { services, viewer }: RequestContext) {
    return services.search.search(viewer, args);
  }
}
