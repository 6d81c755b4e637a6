import { Arg, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { requireId } from '../../core/validation.js';
import type { RequestContext } from '../../graphql/context.js';
import { ImportBatch, ImportBatchItem, StartImportBatchInput } from './import-batches.types.js';

@Resolver(() => ImportBatch)
export class ImportBatchesResolver {
  @Authorized(...EDITORS)
  @Mutation(() => ImportBatch, {
    description:
      'Imports files as sources in the background, each as its own job through the same path as `importSource` (drafts proposed for review), and answers at once; poll `importBatch` for progress. A file whose content a batch already imported is not imported again. For editors and admins.',
  })
  startImportBatch(
    @Arg('input', { description: 'The files and what is known of them all.' }) input: StartImportBatchInput,
    @Ctx() { services, viewer, requestId }: RequestContext,
  ) {
    return services.importBatches.start(writeContextOf(viewer, requestId), input);
  }

  @Authorized(...EDITORS)
  @Query(() => ImportBatch, { nullable: true, description: 'One batch import, with its progress. For editors and admins.' })
  importBatch(@Arg('id', () => ID, { description: 'The batch.' }) id: string, @Ctx() { services }: RequestContext) {
    return services.importBatches.get(requireId(id));
  }

  @Authorized(...EDITORS)
  @Query(() => [ImportBatch], { description: 'The latest batch imports, newest first. For editors and admins.' })
  importBatches(
    @Arg('last', () => Int, { defaultValue: 10, description: 'How many, from 1 to 50.' }) last: number,
    @Ctx() { services }: RequestContext,
  ) {
    return services.importBatches.list(Math.min(Math.max(last, 1), 50));
  }

  @FieldResolver(() => [ImportBatchItem], { description: 'Its articles, in the order given.' })
  items(@Root() batch: ImportBatch, @Ctx() { services }: RequestContext) {
    return services.importBatches.items(batch.id);
  }
}
