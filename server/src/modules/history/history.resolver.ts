import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS, STAFF } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { PageArgs } from '../../core/paging/connection.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType } from '../../core/revisions/revisions.enums.js';
import type { RequestContext } from '../../graphql/context.js';
import { MAX_PROBLEMS } from './history.service.js';
import { AnyRecord, ChainReport, RevertInput, RevisionConnection } from './history.types.js';

@Resolver(() => Revision)
export class HistoryResolver {
  /** History holds unreviewed states, so only staff read it (invariant 7). */
  @Authorized(...STAFF)
  @Query(() => [Revision], {
    description:
      "A record's revisions, oldest first, each with its per-field changes and the state after. For staff: editors, reviewers and admins.",
  })
  revisions(
    @Arg('recordType', () => RecordType, { description: 'The kind of record.' }) recordType: RecordType,
    @Arg('recordId', () => ID, { description: "The record's id." }) recordId: string,
    @Ctx() { services, viewer }: RequestContext,
  ) {
    return services.history.forRecord(viewer, recordType, recordId);
  }

  @Authorized(...STAFF)
  @Query(() => RevisionConnection, {
    description:
      'The latest changes, newest first: to every record, or everything one actor changed (`user:<id>`, `api-key:<id>`, or a run such as `seed:curated.yaml`). For staff: editors, reviewers and admins.',
  })
  auditTrail(
    @Arg('actor', () => String, {
      nullable: true,
      description: 'The actor exactly as the revision log names it: `user:<id>`, `api-key:<id>`, `seed:<file>`; every actor when left out.',
    })
    actor: string | null | undefined,
    @Args() page: PageArgs,
    @Ctx() { services, viewer }: RequestContext,
  ) {
    return services.history.latest(viewer, actor ?? null, page);
  }

  @FieldResolver(() => String, { description: "Who wrote it, by name: the user's, the API key's, or the run's." })
  async actorName(@Root() revision: Revision, @Ctx() { loaders }: RequestContext): Promise<string> {
    if (revision.actorUserId) return (await loaders.userById.load(revision.actorUserId))?.name ?? revision.actor;
    if (revision.actor.startsWith('api-key:'))
      return (await loaders.apiKeyById.load(revision.actor.slice('api-key:'.length)))?.name ?? revision.actor;
    return revision.actor;
  }

  @Authorized(...EDITORS)
  @Mutation(() => AnyRecord, {
    description:
      "Makes a past revision's content current again, as a new revision. Review status, deletion, merges and a source's text " +
      'are not taken back; a judged claim or event goes back to review. Not for users or API keys. For editors and admins.',
  })
  revert(
    @Arg('input', { description: 'The revision to go back to, the version you read, and why.' }) input: RevertInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.history.revert(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...STAFF)
  @Query(() => ChainReport, {
    description:
      "Checks every record (or one): its hash chain, that replaying its changes gives its last state, and that its row's version and state are its last revision's; " +
      'and that no row lacks revisions. Names the problems found. For staff: editors, reviewers and admins.',
  })
  verifyRevisionChain(
    @Ctx() { services }: RequestContext,
    @Arg('recordType', () => RecordType, { nullable: true, description: 'Check only records of this kind.' }) recordType?: RecordType,
    @Arg('recordId', () => ID, { nullable: true, description: 'Check only this record.' }) recordId?: string,
    @Arg('maxProblems', () => Int, { defaultValue: 100, description: `Stop after this many problems (at most ${MAX_PROBLEMS}).` })
    maxProblems?: number,
  ) {
    return services.history.verifyChains({ recordType, recordId }, maxProblems);
  }
}
