import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Info, Mutation, Query, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { ConfirmsSessionInEdit } from '../../core/access/session-check.js';
import { seesUnreviewed, writeContextOf } from '../../core/access/viewer.js';
import { ListArgs } from '../../core/paging/connection.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { ReReview, reReviewOf } from '../../core/review/re-review.js';
import { ReviewStatus } from '../../core/review/status.js';
import { ReviewStep } from '../../core/review/steps.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Reads } from '../../core/sql/needs.js';
import { preloadedOr } from '../../core/sql/preload.js';
import { selectionOf } from '../../core/sql/selection.js';
import { historicalState } from '../../core/time-travel/time-travel.js';
import { canSee, reviewStepsSeenBy, seenThrough } from '../../core/visibility/visibility.js';
import type { RequestContext } from '../../graphql/context.js';
import { EntityRecord, entityTombstone } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { Claim, ClaimLink, type ClaimState } from './claim.entity.js';
import { ClaimRanking } from './claims.enums.js';
import { ClaimConnection, ClaimFilter, CreateClaimInput, UpdateClaimInput } from './claims.types.js';

const claimantOf = (claim: Claim, { loaders, viewer }: RequestContext): EntityRecord | null | Promise<EntityRecord | null> => {
  const claimant = preloadedOr(claim, 'claimant', () => (claim.claimantId ? loaders.entityById.load(claim.claimantId) : null));
  return claimant instanceof Promise
    ? claimant.then((entity) => seenThrough(viewer, entity, entityTombstone))
    : seenThrough(viewer, claimant, entityTombstone);
};

@Resolver(() => Claim)
export class ClaimsResolver {
  @Query(() => Claim, {
    nullable: true,
    description: 'A claim by id; null if there is none, it is deleted, or it is not VERIFIED or RETRACTED and you are not staff.',
  })
  claim(
    @Arg('id', () => ID, { description: "The claim's id." }) id: string,
    @Ctx() { services, viewer }: RequestContext,
    @Arg('asOf', () => Date, {
      nullable: true,
      description:
        'Read the record as it stood at this moment, from its revisions: its own fields and links then; evidence, reviews and records it leads to as they are now.',
    })
    asOf?: Date,
    @Arg('includeDeleted', () => Boolean, { nullable: true, description: 'Staff only: find it even if deleted.' }) includeDeleted?: boolean,
  ) {
    return services.claims.get(viewer, id, { asOf, includeDeleted });
  }

  @Query(() => ClaimConnection, {
    description:
      'Claims, newest first unless `order` says otherwise; anonymous callers and client apps get VERIFIED and RETRACTED ones only.',
  })
  claims(
    @Args() args: ListArgs,
    @Ctx() { services, viewer, loaders }: RequestContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('filter', () => ClaimFilter, { nullable: true, description: 'Narrows the list; every condition given must hold.' })
    filter?: ClaimFilter,
    @Arg('ranking', () => ClaimRanking, {
      nullable: true,
      description: 'Ranks the list first by this, then by `order` among claims ranked alike; its cursors hold the rank.',
    })
    ranking?: ClaimRanking,
  ) {
    return services.claims.list(viewer, args, filter ?? {}, loaders.claimPage(selectionOf(info)), ranking);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Claim, { description: 'Creates a claim as a DRAFT. For editors and admins.' })
  async createClaim(
    @Arg('input', { description: 'Its statement, claimant, attribution, modality, and what it is about.' }) input: CreateClaimInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    const written = await services.claims.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.claims.lifecycle.current(written.revision.recordId);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Claim, {
    description: "Changes a claim's fields; a VERIFIED, DISPUTED or REJECTED claim goes back to IN_REVIEW. For editors and admins.",
  })
  updateClaim(
    @Arg('input', { description: 'The claim, the version you read, and the fields to change.' }) input: UpdateClaimInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.claims.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Claim, {
    description: 'Soft-deletes a claim; to mark one that was once believed, prefer rank DEPRECATED. For editors and admins.',
  })
  deleteClaim(
    @Arg('input', { description: 'The claim, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.claims.lifecycle.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @ConfirmsSessionInEdit()
  @Authorized(...EDITORS)
  @Mutation(() => Claim, { description: 'Brings a deleted claim back, in the review status it had. For editors and admins.' })
  restoreClaim(
    @Arg('input', { description: 'The deleted claim and the version you read.' }) input: RestoreInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.claims.lifecycle.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => ReReview, {
    nullable: true,
    description:
      'Set while a correction of its source, saved after it was verified, awaits re-review: it stays published as last verified (its evidence the words it was verified on) until a reviewer judges it again.',
  })
  @Reads('status', 'reReviewPendingSince')
  reReview(@Root() claim: Claim): ReReview | null {
    return reReviewOf(claim);
  }

  @FieldResolver(() => EntityRecord, { nullable: true, description: 'The claimant, when the source names them.' })
  @Reads('claimantId')
  claimant(@Root() claim: Claim, @Ctx() context: RequestContext) {
    return claimantOf(claim, context);
  }

  @FieldResolver(() => String, { description: "Who made the claim: the claimant entity's name, or the label of an unnamed one." })
  @Reads('claimantLabel', 'claimantId')
  claimantName(@Root() claim: Claim, @Ctx() context: RequestContext): string | Promise<string> {
    if (claim.claimantLabel) return claim.claimantLabel;
    const claimant = claimantOf(claim, context);
    return claimant instanceof Promise ? claimant.then((entity) => entity?.name ?? '') : (claimant?.name ?? '');
  }

  @FieldResolver(() => [Event], { description: 'The events this claim is about, those you may see.' })
  @Reads()
  async events(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    const past = historicalState<ClaimState>(claim);
    const events = past ? await loaders.eventById.loadMany(past.eventIds) : await loaders.eventsByClaimId.load(claim.id);
    return events.filter((event): event is Event => event instanceof Event && canSee(viewer, event));
  }

  @FieldResolver(() => [EntityRecord], { description: 'The entities this claim is about.' })
  @Reads()
  async entities(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    const past = historicalState<ClaimState>(claim);
    const entities = past
      ? (await loaders.entityById.loadMany(past.entityIds)).filter((entity) => entity instanceof EntityRecord)
      : await loaders.entitiesByClaimId.load(claim.id);
    return entities.map((entity) => seenThrough(viewer, entity, entityTombstone)!);
  }

  @FieldResolver(() => [ClaimLink], { description: 'Its typed links to other claims, those you may see.' })
  @Reads()
  async links(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    const past = historicalState<ClaimState>(claim);
    const links = past
      ? past.links.map((link) => Object.assign(new ClaimLink(), { fromClaimId: claim.id, toClaimId: link.toClaimId, type: link.type }))
      : await loaders.linksByClaimId.load(claim.id);
    const targets = await loaders.claimById.loadMany(links.map((link) => link.toClaimId));
    return links.filter((_, i) => canSee(viewer, targets[i] instanceof Claim ? targets[i] : null));
  }

  @FieldResolver(() => Claim, {
    nullable: true,
    description:
      'For a PENDING proposal: the stored claim it says again, in other words or another source; `mergeProposal` adds its words there as evidence. Null otherwise, and when you may not see that claim.',
  })
  @Reads('corroboratesId', 'proposal')
  async corroborates(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    if (!claim.corroboratesId || claim.proposal !== ProposalState.PENDING) return null;
    const target = await loaders.claimById.load(claim.corroboratesId);
    return target && canSee(viewer, target) ? target : null;
  }

  @FieldResolver(() => Boolean, {
    description: 'A reviewer withdrew this claim after verifying it: shown, but flagged, so no one relies on it.',
  })
  @Reads('status')
  retracted(@Root() claim: Claim): boolean {
    return claim.status === ReviewStatus.RETRACTED;
  }

  @FieldResolver(() => String, {
    nullable: true,
    description:
      'Who last changed what it says, its fields or the evidence it rests on, as the revision log names them (`user:<id>`, ...): the one person who may not judge it. Staff only; null for others.',
  })
  @Reads()
  async lastEditedBy(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext): Promise<string | null> {
    if (!seesUnreviewed(viewer)) return null;
    return (await loaders.lastContentChangeOfClaim.load(claim.id))?.actor ?? null;
  }

  @FieldResolver(() => [ReviewStep], {
    description:
      'Its way through review, oldest first: for staff, who sent it, who judged it, when and why; for others, its verdicts and when.',
  })
  @Reads()
  async reviews(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    return reviewStepsSeenBy(
      viewer,
      (await loaders.reviewStepsByRecordId.load(claim.id)).map((row) => row.step),
    );
  }

  @FieldResolver(() => [Evidence], { description: 'The quotes in sources it rests on; deleted evidence is left out.' })
  @Reads()
  evidence(@Root() claim: Claim, @Ctx() { loaders }: RequestContext) {
    return preloadedOr(claim, 'evidence', () => loaders.evidenceByClaimId.load(claim.id));
  }
}

@Resolver(() => ClaimLink)
export class ClaimLinksResolver {
  @FieldResolver(() => Claim, { description: 'The claim linked to.' })
  async claim(@Root() link: ClaimLink, @Ctx() { loaders }: RequestContext) {
    return loaders.claimById.load(link.toClaimId);
  }
}
