import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import type { Viewer } from '../../core/access/viewer.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { codeUnitIndex, wholeCharacterBoundary } from '../../core/anchoring/text-quote.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Reads } from '../../core/sql/needs.js';
import { preloadedOr } from '../../core/sql/preload.js';
import { InputCheck } from '../../core/validation.js';
import { seenThrough, verifiedQuoteSeenBy } from '../../core/visibility/visibility.js';
import type { Loaders, RequestContext } from '../../graphql/context.js';
import { Source, sourceTombstone } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { snapshotSeenBy } from '../sources/sources.loaders.js';
import { Evidence } from './evidence.entity.js';
import { AnchorStatus } from './evidence.enums.js';
import { ConfirmEvidenceInput, CreateEvidenceInput, QuoteInContext, TextSelector, UpdateEvidenceInput } from './evidence.types.js';
import { anchorStatusSeenBy, selectorSeenBy, snapshotIdSeenBy } from './quote-seen.js';

const QUOTE = ['exact', 'prefix', 'suffix', 'startPos', 'endPos'] as const;
/** The TextSelector's fields, by the evidence's columns they are. */
const SELECTOR: Record<string, (typeof QUOTE)[number]> = {
  exact: 'exact',
  prefix: 'prefix',
  suffix: 'suffix',
  start: 'startPos',
  end: 'endPos',
};

/**
 * The snapshot the words the viewer reads are in: the one a client reads verified words on, or the one the
 * evidence points into, given with it (a correction's preview, never saved) or read.
 */
const snapshotOf = (evidence: Evidence, viewer: Viewer, loaders: Loaders) =>
  verifiedQuoteSeenBy(viewer, evidence)
    ? loaders.sourceRevisionById.load(snapshotIdSeenBy(viewer, evidence))
    : preloadedOr(evidence, 'sourceRevision', () => loaders.sourceRevisionById.load(evidence.sourceRevisionId));

@Resolver(() => Evidence)
export class EvidenceResolver {
  @Authorized(...EDITORS)
  @Mutation(() => Evidence, { description: 'Anchors a claim or an event to words in a source. For editors and admins.' })
  async createEvidence(
    @Arg('input', { description: 'The claim or event, the source, and the words.' }) input: CreateEvidenceInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    const written = await services.evidence.create(writeContextOf(viewer, requestId, idempotency), input);
    return services.evidence.current(written.revision.recordId);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Evidence, {
    description: 'Selects the words again, in the same source; the evidence is ANCHORED on them. For editors and admins.',
  })
  updateEvidence(
    @Arg('input', { description: 'The evidence, the version you read, and the words.' }) input: UpdateEvidenceInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.evidence.update(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Evidence, {
    description:
      'Confirms FUZZY evidence on the words a correction moved it to: it becomes ANCHORED, and whoever confirms may not judge its claim or event. For editors and admins.',
  })
  confirmEvidence(
    @Arg('input', { description: 'The FUZZY evidence and the version you read.' }) input: ConfirmEvidenceInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.evidence.confirm(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Evidence, { description: 'Soft-deletes evidence: it no longer shows on its claim or event. For editors and admins.' })
  deleteEvidence(
    @Arg('input', { description: 'The evidence, the version you read, and why.' }) input: DeleteInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.evidence.delete(writeContextOf(viewer, requestId, idempotency), input);
  }

  @Authorized(...EDITORS)
  @Mutation(() => Evidence, { description: 'Brings deleted evidence back. For editors and admins.' })
  restoreEvidence(
    @Arg('input', { description: 'The deleted evidence and the version you read.' }) input: RestoreInput,
    @Ctx() { services, viewer, requestId, idempotency }: RequestContext,
  ) {
    return services.evidence.restore(writeContextOf(viewer, requestId, idempotency), { ...input, reason: input.reason ?? null });
  }

  @FieldResolver(() => AnchorStatus, {
    description:
      'Whether the selector still holds its exact words; FUZZY and ORPHANED evidence needs an editor. Client apps read ANCHORED verified words while its record awaits re-review (`asVerified`).',
  })
  @Reads('anchorStatus', 'verifiedQuote')
  anchorStatus(@Root() evidence: Evidence, @Ctx() { viewer }: RequestContext): AnchorStatus {
    return anchorStatusSeenBy(viewer, evidence);
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when these are the words its claim or event was verified on, on the snapshot it was verified on, shown to client apps while a correction of the source that reworded them awaits re-review; staff read the evidence as the correction left it.',
  })
  @Reads('verifiedQuote')
  asVerified(@Root() evidence: Evidence, @Ctx() { viewer }: RequestContext): boolean {
    return verifiedQuoteSeenBy(viewer, evidence) !== null;
  }

  @FieldResolver(() => TextSelector, { description: "Where the words are in `sourceRevision`'s text." })
  @Reads((fields) => [
    'verifiedQuote' as const,
    ...[...fields.keys()]
      .filter((field) => field !== '__typename')
      .flatMap((field) => (Object.hasOwn(SELECTOR, field) ? [SELECTOR[field]!] : QUOTE)),
  ])
  selector(@Root() evidence: Evidence, @Ctx() { viewer }: RequestContext): TextSelector {
    return selectorSeenBy(viewer, evidence);
  }

  @FieldResolver(() => QuoteInContext, {
    description: "The quote with up to `chars` characters of its text on each side (the selector's own prefix and suffix hold 32).",
  })
  @Reads('sourceRevisionId', 'verifiedQuote', ...QUOTE)
  async context(
    @Root() evidence: Evidence,
    @Ctx() { loaders, viewer }: RequestContext,
    @Arg('chars', () => Int, { defaultValue: 160, description: 'How many characters (UTF-16 code units) on each side, 0 to 2000.' })
    chars: number,
  ): Promise<QuoteInContext> {
    const check = new InputCheck();
    check.integer('chars', chars, 0, 2000);
    check.done();
    const revision = await snapshotSeenBy(viewer, loaders.sourceById, await snapshotOf(evidence, viewer, loaders));
    const selector = selectorSeenBy(viewer, evidence);
    const text = revision?.text ?? '';
    const start = codeUnitIndex(text, selector.start);
    const end = codeUnitIndex(text, selector.end);
    if (start < 0 || end < start) return { before: selector.prefix, exact: selector.exact, after: selector.suffix };
    return {
      before: text.slice(wholeCharacterBoundary(text, Math.max(0, start - chars), 1), start),
      exact: text.slice(start, end),
      after: text.slice(end, wholeCharacterBoundary(text, end + chars, -1)),
    };
  }

  @FieldResolver(() => SourceRevision, { description: 'The text snapshot the selector points into.' })
  @Reads('sourceRevisionId', 'verifiedQuote')
  async sourceRevision(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    return snapshotSeenBy(viewer, loaders.sourceById, await snapshotOf(evidence, viewer, loaders));
  }

  @FieldResolver(() => Source, { description: 'The source whose text the words are in.' })
  // Evidence read in part (includeEvidence) comes with its source whenever the source is asked for; only evidence
  // read whole looks it up by its snapshot.
  @Reads()
  source(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    const source = preloadedOr(evidence, 'source', async () => {
      const revision = await loaders.sourceIdByRevisionId.load(evidence.sourceRevisionId);
      return revision && loaders.sourceById.load(revision.sourceId);
    });
    return source instanceof Promise
      ? source.then((found) => seenThrough(viewer, found, sourceTombstone))
      : seenThrough(viewer, source, sourceTombstone);
  }
}
