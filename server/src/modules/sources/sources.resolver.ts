import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../core/paging/connection.js';
import type { RequestContext } from '../context.js';
import { SourceRevision } from './source-revision.entity.js';
import { Source } from './source.entity.js';
import { SourceConnection } from './sources.types.js';

@Resolver(() => Source)
export class SourcesResolver {
  @Query(() => Source, { nullable: true })
  source(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: RequestContext) {
    return services.sources.get(viewer, id);
  }

  @Query(() => SourceConnection)
  sources(@Args() page: PageArgs, @Ctx() { services, viewer }: RequestContext) {
    return services.sources.list(viewer, page);
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
