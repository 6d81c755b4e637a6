import { Authorized, Ctx, Mutation, Resolver } from 'type-graphql';

import { Role } from '../../core/access/roles.js';
import type { RequestContext } from '../../graphql/context.js';
import { Checkpoint } from './checkpoints.types.js';

@Resolver(() => Checkpoint)
export class CheckpointsResolver {
  @Authorized(Role.ADMIN)
  @Mutation(() => Checkpoint, {
    description: 'Makes and stores a signed checkpoint of the whole revision log now, beside the periodic ones. For admins.',
  })
  createCheckpoint(@Ctx() { services }: RequestContext): Promise<Checkpoint> {
    return services.checkpoints.create();
  }
}
