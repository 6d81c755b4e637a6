import { Arg, Authorized, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';

import { Role, STAFF } from '../../core/access/roles.js';
import type { RequestContext } from '../../graphql/context.js';
import { Checkpoint } from './checkpoints.types.js';

@Resolver(() => Checkpoint)
export class CheckpointsResolver {
  @Authorized(...STAFF)
  @Query(() => [Checkpoint], {
    description:
      'The latest signed checkpoints, newest first. Everyone may download them all with the public key from `/exports/checkpoints`; this is for staff.',
  })
  checkpoints(
    @Ctx() { services }: RequestContext,
    @Arg('last', () => Int, { defaultValue: 10, description: 'How many, at most 100.' }) last: number,
  ): Promise<Checkpoint[]> {
    return services.checkpoints.recent(Math.min(Math.max(last, 1), 100));
  }

  @Authorized(Role.ADMIN)
  @Mutation(() => Checkpoint, {
    description: 'Makes and stores a signed checkpoint of the whole revision log now, beside the periodic ones. For admins.',
  })
  createCheckpoint(@Ctx() { services }: RequestContext): Promise<Checkpoint> {
    return services.checkpoints.create();
  }
}
