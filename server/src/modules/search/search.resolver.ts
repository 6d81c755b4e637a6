import type { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';

import { selectionOfType } from '../../core/sql/selection.js';
import type { RequestContext } from '../../graphql/context.js';
import { SearchArgs, SearchConnection } from './search.types.js';

const RECORD = ['edges', 'node', 'record'];

@Resolver()
export class SearchResolver {
  @Query(() => SearchConnection, {
    description:
      'Claims, events, entities and sources matching words, best first; what the caller may see only. ' +
      'At most 200 matches of each kind are ranked, so a very common word may leave some out.',
  })
  search(@Args() args: SearchArgs, @Ctx() { services, viewer }: RequestContext, @Info() info: GraphQLResolveInfo) {
    return services.search.search(viewer, args, (typeName) => selectionOfType(info, RECORD, typeName));
  }
}
