import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../context.js';
import { SearchArgs, SearchConnection } from './search.types.js';

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Claims, events, entities and sources matching words, best first; what the caller may see only. ' +
      'At most 200 matches of each kind are ranked, so a very common word may leave some out.',
  })
  search(@Args() args: SearchArgs, @Ctx() { services, viewer }: RequestContext) {
    return services.search.search(viewer, args);
  }
}
