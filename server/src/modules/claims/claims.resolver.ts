import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { PageArgs } from '../../core/paging/connection.js';
import type { RequestContext } from '../context.js';
import { EntityRecord } from '../entities/entity.entity.js';
import { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { canSee } from '../review/visibility.js';
import { Claim, ClaimLink } from './claim.entity.js';
import { ClaimConnection } from './claims.types.js';

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
