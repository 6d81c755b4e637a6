import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../../modules/context.js';
import { STAFF } from '../../modules/users/users.enums.js';
import { Revision } from './revision.entity.js';
import { RecordType } from './revisions.enums.js';

@Resolver(() => Revision)
export class RevisionsResolver {
  /** History holds unreviewed states, so only staff read it (invariant 7). */
  @Authorized(...STAFF)
  @Query(() => [Revision], { description: "A record's revisions, oldest first." })
  revisions(
    @Arg('recordType', () => RecordType) recordType: RecordType,
    @Arg('recordId', () => ID) recordId: string,
    @Ctx() { services }: RequestContext,
  ) {
    return services.revisions.forRecord(recordType, recordId);
  }
}
