import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS, REVIEWERS, STAFF } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { PageArgs } from '../../core/paging/connection.js';
import { Revision } from '../../core/revisions/revision.entity.js';
import { RecordType, RevisionOperation } from '../../core/revisions/revisions.enums.js';
import type { RequestContext } from '../../graphql/context.js';
import { MAX_PROBLEMS } from './history.service.js';
import { AnyRecord, AuditActor, ChainReport, ChainStatus, RevertInput, RevisionConnection } from './history.types.js';
import { LogVerification } from './log-verifications.js';

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
  @Query(() => [AuditActor], {
    description:
      'Every account and API key by name, or those whose name holds `search`: whom `auditTrail(actor:)` can be narrowed to, whether or not they changed anything lately. Names only. For staff: editors, reviewers and admins.',
  })
  auditActors(
    @Ctx() { services }: RequestContext,
    @Arg('search', () => String, { nullable: true, description: 'Part of a name, in any case; everyone when left out.' })
    search?: string | null,
    @Arg('first', () => Int, { defaultValue: 50, description: 'How many, at most 200, by name.' }) first = 50,
  ) {
    return services.history.actors(search?.trim() || null, Math.min(Math.max(first, 1), 200));
  }

  @Authorized(...STAFF)
  @Query(() => RevisionConnection, {
    description:
      'The latest changes, newest first: to every record, or everything one actor changed (`user:<id>`, `api-key:<id>`, or a run such as `seed:curated.yaml`), narrowed by time, record type and operation. `/exports/audit-trail.csv` takes the same filters. For staff: editors, reviewers and admins.',
  })
  auditTrail(
    @Arg('actor', () => String, {
      nullable: true,
      description: 'The actor exactly as the revision log names it: `user:<id>`, `api-key:<id>`, `seed:<file>`; every actor when left out.',
    })
    actor: string | null | undefined,
    @Args() page: PageArgs,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('since', () => Date, { nullable: true, description: 'Changes at or after this moment.' }) since?: Date | null,
    @Arg('until', () => Date, { nullable: true, description: 'Changes before this moment.' }) until?: Date | null,
    @Arg('recordType', () => RecordType, { nullable: true, description: 'Changes to records of this kind only.' })
    recordType?: RecordType | null,
    @Arg('operation', () => RevisionOperation, { nullable: true, description: 'Changes of this kind only.' })
    operation?: RevisionOperation | null,
  ) {
    return services.history.latest(
      viewer,
      { actor: actor ?? null, since: since ?? null, until: until ?? null, recordType: recordType ?? null, operation: operation ?? null },
      page,
    );
  }

  @Authorized(...STAFF)
  @Query(() => ChainStatus, {
    description:
      "One record's chain: whether it verifies, its head hash, and how far the latest signed checkpoint covers it. For staff: editors, reviewers and admins.",
  })
  chainStatus(
    @Arg('recordType', () => RecordType, { description: 'The kind of record.' }) recordType: RecordType,
    @Arg('recordId', () => ID, { description: "The record's id." }) recordId: string,
    @Ctx() { services, viewer }: RequestContext,
  ) {
    return services.history.chainStatus(viewer, recordType, recordId, services.checkpoints);
  }

  @Authorized(...STAFF)
  @Query(() => [LogVerification], {
    description: 'The latest checks of the whole log ("Verify now"), newest first, the running one included. For staff.',
  })
  logVerifications(
    @Ctx() { services }: RequestContext,
    @Arg('last', () => Int, { defaultValue: 10, description: 'How many, at most 50.' }) last: number,
  ) {
    return services.logVerifications.list(Math.min(Math.max(last, 1), 50));
  }

  @Authorized(...REVIEWERS)
  @Mutation(() => LogVerification, {
    description:
      'Starts a check of the whole revision log and its checkpoints in the background and answers at once; poll `logVerifications` for its progress and result. Refused with CONFLICT while one runs. For reviewers and admins.',
  })
  startLogVerification(@Ctx() { services, viewer, requestId }: RequestContext) {
    return services.logVerifications.start(writeContextOf(viewer, requestId).actor);
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
