import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Claim } from '../claims/claim.entity.js';
import type { RequestContext } from '../context.js';
import { Event } from '../events/event.entity.js';
import { canSee } from '../review/visibility.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { Source } from '../sources/source.entity.js';
import { Evidence } from './evidence.entity.js';
import { TextSelector } from './evidence.types.js';

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => TextSelector)
  selector(@Root() evidence: Evidence): TextSelector {
    return { exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix, start: evidence.startPos, end: evidence.endPos };
  }

  @FieldResolver(() => SourceRevision, { description: 'The text snapshot the selector points into.' })
  sourceRevision(@Root() evidence: Evidence, @Ctx() { loaders }: RequestContext) {
    return loaders.sourceRevisionById.load(evidence.sourceRevisionId);
  }

  @FieldResolver(() => Source)
  async source(@Root() evidence: Evidence, @Ctx() { loaders }: RequestContext) {
    const revision = await loaders.sourceRevisionById.load(evidence.sourceRevisionId);
    return revision && loaders.sourceById.load(revision.sourceId);
  }

  @FieldResolver(() => Claim, { nullable: true })
  async claim(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    const claim = evidence.claimId ? await loaders.claimById.load(evidence.claimId) : null;
    return canSee(viewer, claim) ? claim : null;
  }

  @FieldResolver(() => Event, { nullable: true })
  async event(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    const event = evidence.eventId ? await loaders.eventById.load(evidence.eventId) : null;
    return canSee(viewer, event) ? event : null;
  }
}
