import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';

import { Node, type VersionedRecord } from '../../core/record.js';
import type { RequestContext } from '../../graphql/context.js';
import { Change } from '../changes/changes.types.js';
import { MAX_NODES } from './nodes.service.js';

/** One loader per request, so the records of a page of changes are read together. */
const loaders = new WeakMap<RequestContext['loaders'], DataLoader<string, VersionedRecord | null>>();

function nodeLoader({ loaders: requestLoaders, services, viewer }: RequestContext): DataLoader<string, VersionedRecord | null> {
  let loader = loaders.get(requestLoaders);
  if (!loader)
    loaders.set(requestLoaders, (loader = new DataLoader((ids) => services.nodes.find(viewer, ids), { maxBatchSize: MAX_NODES })));
  return loader;
}

@Resolver()
export class NodesResolver {
  @Query(() => Node, {
    nullable: true,
    description:
      'Any record by its id, whatever its kind (Relay): null for an id no record has or one the caller may not see, as ' +
      "the kind's own root field would answer. For everyone; what each caller sees follows its role.",
  })
  node(
    @Arg('id', () => ID, { description: "The record's id." }) id: string,
    @Ctx() context: RequestContext,
  ): Promise<VersionedRecord | null> {
    return context.services.nodes.find(context.viewer, [id]).then(([record]) => record ?? null);
  }

  @Query(() => [Node], {
    nullable: 'items',
    description: `Records by their ids, in the order given, null for each id \`node\` would answer null for. At most ${MAX_NODES} ids. For everyone.`,
  })
  nodes(@Arg('ids', () => [ID], { description: `Up to ${MAX_NODES} record ids.` }) ids: string[], @Ctx() context: RequestContext) {
    return context.services.nodes.find(context.viewer, ids);
  }
}

@Resolver(() => Change)
export class ChangeRecordResolver {
  @FieldResolver(() => Node, {
    nullable: true,
    description: 'The record as it is now, if the caller may read it now; null once it has disappeared for them.',
  })
  record(@Root() change: Change, @Ctx() context: RequestContext): Promise<VersionedRecord | null> {
    return nodeLoader(context).load(change.recordId);
  }
}
