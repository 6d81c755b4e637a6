import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import type { RequestContext } from '../../graphql/context.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { MergeEntitiesInput, RecordNewNameInput, RecordNewNamePayload } from './merging.types.js';

@Resolver()
export class MergingResolver {
  @Authorized(...EDITORS)
  @Mutation(() => EntityRecord, { description: 'Merges one entity into another; returns the one that remains. For editors and admins.' })
  async mergeEntities(
    @Arg('input', { description: 'Which entity remains, which goes, both versions you read, and why.' }) input: MergeEntitiesInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    await services.merging.mergeEntities(writeContextOf(viewer, requestId, idempotency), input);
    return services.entities.lifecycle.current(input.winnerId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => RecordNewNamePayload, {
    description:
      'Records a name the importer found as an entity, and names it in the records drawn from that text. For editors and admins.',
  })
  async recordNewName(
    @Arg('input', { description: 'The note on the name, its version, and the entity it stands for.' }) input: RecordNewNameInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ): Promise<RecordNewNamePayload> {
    const moved = await services.merging.recordNewName(writeContextOf(viewer, requestId, idempotency), input);
    return { ...moved, entity: await services.entities.lifecycle.current(input.entityId) };
  }
}
