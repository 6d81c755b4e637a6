import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Reads } from '../../core/sql/needs.js';
import { preloadedOr } from '../../core/sql/preload.js';
import { canSee } from '../../core/visibility/visibility.js';
import type { RequestContext } from '../../graphql/context.js';
import { Event } from '../events/event.entity.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { Claim } from './claim.entity.js';

/** The claims about an event: a field of Event served from here, since claims sit above events. */
@Resolver(() => Event)
export class EventClaimsResolver {
  @FieldResolver(() => [Claim], { description: 'The claims about this event that you may see, oldest first.' })
  @Reads()
  claims(@Root() event: Event, @Ctx() { loaders, viewer }: RequestContext) {
    const visible = (claims: Claim[]) => claims.filter((claim) => canSee(viewer, claim));
    const claims = preloadedOr(event, 'claims', () => loaders.claimsByEventId.load(event.id));
    return claims instanceof Promise ? claims.then(visible) : visible(claims);
  }
}

/** The claim an evidence supports: a field of Evidence served from here, since claims sit above evidence. */
@Resolver(() => Evidence)
export class EvidenceClaimResolver {
  @FieldResolver(() => Claim, {
    nullable: true,
    description: "The claim it supports; null for an event's evidence, or a claim you may not see.",
  })
  @Reads('claimId')
  async claim(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    const claim = evidence.claimId ? await loaders.claimById.load(evidence.claimId) : null;
    return canSee(viewer, claim) ? claim : null;
  }
}
