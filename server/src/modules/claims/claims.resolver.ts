import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../core/paging/connection.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import type { RequestContext } from '../context.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { canSee } from '../review/visibility.js';
import { EDITORS } from '../users/users.enums.js';
import { writeContextOf } from '../users/viewer.js';
import { Claim, ClaimLink } from './claim.entity.js';
import { ClaimConnection, CreateClaimInput, UpdateClaimInput } from './claims.types.js';

@Resolver(() => Claim)
export class ClaimsResolver {
  @Query(() => Claim, { nullable: true })
  claim(@Arg('id', () => ID) id: string, @Ctx() { services, viewer }: RequestContext) {
    return services.claims.get(viewer, id);
  }

  @Query(() => ClaimConnection)
  claims(@Args() page: PageArgs, @Ctx() { services, viewer }: RequestContext) {
    return services.claims.list(viewer, page);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Claim, { description: 'Creates a claim as a DRAFT.' })
  async createClaim(@Arg('input') input: CreateClaimInput, @Ctx() { services, viewer, requestId }: RequestContext) {
    const written = await services.claims.create(writeContextOf(viewer, requestId), input);
    return services.claims.current(written.revision.recordId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Claim)
  updateClaim(@Arg('input') input: UpdateClaimInput, @Ctx() { services, viewer, requestId }: RequestContext) {
    return services.claims.update(writeContextOf(viewer, requestId), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Claim)
  deleteClaim(@Arg('input') input: DeleteInput, @Ctx() { services, viewer, requestId }: RequestContext) {
    return services.claims.delete(writeContextOf(viewer, requestId), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Claim)
  restoreClaim(@Arg('input') input: RestoreInput, @Ctx() { services, viewer, requestId }: RequestContext) {
    return services.claims.restore(writeContextOf(viewer, requestId), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => EntityRecord, { nullable: true, description: 'The claimant, when the source names them.' })
  claimant(@Root() claim: Claim, @Ctx() { loaders }: RequestContext) {
    return claim.claimantId ? loaders.entityById.load(claim.claimantId) : null;
  }

  @FieldResolver(() => String, { description: "Who made the claim: the claimant entity's name, or the label of an unnamed one." })
  async claimantName(@Root() claim: Claim, @Ctx() { loaders }: RequestContext): Promise<string> {
    if (claim.claimantLabel) return claim.claimantLabel;
    return (await loaders.entityById.load(claim.claimantId!))?.name ?? '';
  }

  @FieldResolver(() => [Event], { description: 'The events this claim is about.' })
  async events(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    return (await loaders.eventsByClaimId.load(claim.id)).filter((event) => canSee(viewer, event));
  }

  @FieldResolver(() => [EntityRecord], { description: 'The entities this claim is about.' })
  entities(@Root() claim: Claim, @Ctx() { loaders }: RequestContext) {
    return loaders.entitiesByClaimId.load(claim.id);
  }

  @FieldResolver(() => [ClaimLink])
  async links(@Root() claim: Claim, @Ctx() { loaders, viewer }: RequestContext) {
    const links = await loaders.linksByClaimId.load(claim.id);
    const targets = await loaders.claimById.loadMany(links.map((link) => link.toClaimId));
    return links.filter((_, i) => canSee(viewer, targets[i] instanceof Claim ? targets[i] : null));
  }

  @FieldResolver(() => [Evidence])
  evidence(@Root() claim: Claim, @Ctx() { loaders }: RequestContext) {
    return loaders.evidenceByClaimId.load(claim.id);
  }
}

@Resolver(() => ClaimLink)
export class ClaimLinksResolver {
  @FieldResolver(() => Claim, { description: 'The claim linked to.' })
  async claim(@Root() link: ClaimLink, @Ctx() { loaders }: RequestContext) {
    return loaders.claimById.load(link.toClaimId);
  }
}
