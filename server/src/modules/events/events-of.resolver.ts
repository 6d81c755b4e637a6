import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';

import { Reads } from '../../core/sql/needs.js';
import { canSee } from '../../core/visibility/visibility.js';
import type { RequestContext } from '../../graphql/context.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { Event } from './event.entity.js';

/** The event an evidence supports: a field of Evidence served from here, since events sit above evidence. */
@Resolver(() => Evidence)
export class EvidenceEventResolver {
  @FieldResolver(() => Event, {
    nullable: true,
    description: "The event it supports; null for a claim's evidence, or an event you may not see.",
  })
  @Reads('eventId')
  async event(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    const event = evidence.eventId ? await loaders.eventById.load(evidence.eventId) : null;
    return canSee(viewer, event) ? event : null;
  }
}
