import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Resolver, Root } from 'type-graphql';

import { EDITORS } from '../../core/access/roles.js';
import { writeContextOf } from '../../core/access/viewer.js';
import { codeUnitIndex, wholeCharacterBoundary } from '../../core/anchoring/text-quote.js';
import { DeleteInput, RestoreInput } from '../../core/revisions/revisions.types.js';
import { Reads } from '../../core/sql/needs.js';
import { preloadedOr } from '../../core/sql/preload.js';
import { InputCheck } from '../../core/validation.js';
import { seenThrough } from '../../core/visibility/visibility.js';
import type { Loaders, RequestContext } from '../../graphql/context.js';
import { Source, sourceTombstone } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { snapshotSeenBy } from '../sources/sources.loaders.js';
import { Evidence } from './evidence.entity.js';
import { ConfirmEvidenceInput, CreateEvidenceInput, QuoteInContext, TextSelector, UpdateEvidenceInput } from './evidence.types.js';

const QUOTE = ['exact', 'prefix', 'suffix', 'startPos', 'endPos'] as const;
/** The TextSelector's fields, by the evidence's columns they are. */
const SELECTOR: Record<string, (typeof QUOTE)[number]> = {
  exact: 'exact',
  prefix: 'prefix',
  suffix: 'suffix',
  start: 'startPos',
  end: 'endPos',
};

/** The snapshot the selector points into: given with the evidence (a correction's preview, never saved), or read. */
const snapshotOf = (evidence: Evidence, loaders: Loaders) =>
  preloadedOr(evidence, 'sourceRevision', () => loaders.sourceRevisionById.load(evidence.sourceRevisionId));

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

  @FieldResolver(() => TextSelector, { description: "Where the words are in `sourceRevision`'s text." })
  @Reads((fields) =>
    [...fields.keys()]
      .filter((field) => field !== '__typename')
      .flatMap((field) => (Object.hasOwn(SELECTOR, field) ? [SELECTOR[field]!] : QUOTE)),
  )
  selector(@Root() evidence: Evidence): TextSelector {
    return { exact: evidence.exact, prefix: evidence.prefix, suffix: evidence.suffix, start: evidence.startPos, end: evidence.endPos };
  }

  @FieldResolver(() => QuoteInContext, {
    description: "The quote with up to `chars` characters of its text on each side (the selector's own prefix and suffix hold 32).",
  })
  @Reads('sourceRevisionId', ...QUOTE)
  async context(
    @Root() evidence: Evidence,
    @Ctx() { loaders, viewer }: RequestContext,
    @Arg('chars', () => Int, { defaultValue: 160, description: 'How many characters (UTF-16 code units) on each side, 0 to 2000.' })
    chars: number,
  ): Promise<QuoteInContext> {
    const check = new InputCheck();
    check.integer('chars', chars, 0, 2000);
    check.done();
    const revision = await snapshotSeenBy(viewer, loaders.sourceById, await snapshotOf(evidence, loaders));
    const text = revision?.text ?? '';
    const start = codeUnitIndex(text, evidence.startPos);
    const end = codeUnitIndex(text, evidence.endPos);
    if (start < 0 || end < start) return { before: evidence.prefix, exact: evidence.exact, after: evidence.suffix };
    return {
      before: text.slice(wholeCharacterBoundary(text, Math.max(0, start - chars), 1), start),
      exact: text.slice(start, end),
      after: text.slice(end, wholeCharacterBoundary(text, end + chars, -1)),
    };
  }

  @FieldResolver(() => SourceRevision, { description: 'The text snapshot the selector points into.' })
  @Reads('sourceRevisionId')
  async sourceRevision(@Root() evidence: Evidence, @Ctx() { loaders, viewer }: RequestContext) {
    return snapshotSeenBy(viewer, loaders.sourceById, await snapshotOf(evidence, loaders));
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
