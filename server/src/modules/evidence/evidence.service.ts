import type { DataSource, EntityManager } from 'typeorm';

import { locateQuote, selectorForRange, type TextSelector } from '../../core/anchoring/text-quote.js';
import { BadInputError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requireReferences } from '../../core/references.js';
import { type ChangeTarget, RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { Evidence, EvidenceRecord, type EvidenceState } from './evidence.entity.js';
import { AnchorStatus } from './evidence.enums.js';
import type {
  ConfirmEvidenceInput,
  CreateEvidenceInput,
  EvidenceSelectionInput,
  SelectorInput,
  UpdateEvidenceInput,
} from './evidence.types.js';

const MAX_QUOTE = 10_000;
const MAX_EVIDENCE_AT_CREATION = 20;
const SURROGATE = /[\uD800-\uDFFF]/;

/** The snapshot a selector points into: the one named, or the current text of the source named. */
async function revisionFor(
  manager: EntityManager,
  ref: { sourceRevisionId?: string | null; sourceId?: string | null },
): Promise<SourceRevision> {
  const check = new InputCheck();
  if (ref.sourceRevisionId) check.id('sourceRevisionId', ref.sourceRevisionId);
  else if (ref.sourceId) check.id('sourceId', ref.sourceId);
  else check.fail('sourceId', 'name the source, or one of its revisions');
  check.done();
  const revision = ref.sourceRevisionId
    ? await manager.findOneBy(SourceRevision, { id: ref.sourceRevisionId })
    : await manager.findOne(SourceRevision, { where: { sourceId: ref.sourceId! }, order: { number: 'DESC' } });
  if (!revision)
    throw new BadInputError([{ field: ref.sourceRevisionId ? 'sourceRevisionId' : 'sourceId', message: 'no such source text' }]);
  return revision;
}

/**
 * Anchors a selector in a text, or refuses it: a quote that is not there, or stands there more than once with
 * nothing to choose between the repeats, never becomes a guessed anchor (invariant 4).
 */
export function anchorSelector(text: string, selector: SelectorInput): TextSelector {
  const check = new InputCheck();
  if (selector.exact.length === 0) check.fail('selector.exact', 'must not be empty');
  if (selector.exact.length > MAX_QUOTE) check.fail('selector.exact', `must be at most ${MAX_QUOTE} characters`);
  const hasStart = selector.start != null;
  if (hasStart !== (selector.end != null)) check.fail('selector.end', 'start and end go together');
  check.done();
  if (hasStart) {
    // Without surrogate pairs code points are code units: a long text need not be split into characters per quote.
    const points = SURROGATE.test(text) ? Array.from(text) : null;
    const length = points ? points.length : text.length;
    const { start, end } = selector as { start: number; end: number };
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end <= start || end > length) {
      throw new BadInputError([
        { field: 'selector.start', message: `must satisfy 0 <= start < end <= ${length} (the text's length in code points)` },
      ]);
    }
    if ((points ? points.slice(start, end).join('') : text.slice(start, end)) !== selector.exact) {
      throw new BadInputError([{ field: 'selector.exact', message: `is not the text between ${start} and ${end}` }]);
    }
    const startUnit = points ? points.slice(0, start).join('').length : start;
    return selectorForRange(text, startUnit, startUnit + selector.exact.length);
  }
  const match = locateQuote(text, { exact: selector.exact, prefix: selector.prefix ?? undefined, suffix: selector.suffix ?? undefined });
  if (!match.ok) {
    const message =
      match.reason === 'AMBIGUOUS'
        ? `stands ${match.occurrences} times in the text: add a prefix or suffix, or give start and end, to say which`
        : 'is not in the text (with the given prefix and suffix)';
    throw new BadInputError([{ field: 'selector.exact', message: `"${selector.exact.slice(0, 80)}" ${message}` }]);
  }
  return match.selector;
}

/**
 * Sends the claim or event whose evidence changed back to review, in the change's transaction, when a reviewer had
 * judged it. Claims, events and their review sit above evidence: review supplies it (reopenAfterEvidenceChange).
 */
export type ReopenOwner = (
  manager: EntityManager,
  context: WriteContext,
  owner: { claimId: string | null; eventId: string | null },
  reason: string,
) => Promise<unknown>;

export class EvidenceService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reopenOwner: ReopenOwner,
  ) {}

  async create(
    context: WriteContext,
    input: CreateEvidenceInput & { id?: string },
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Written<EvidenceState>> {
    const check = new InputCheck();
    const claimId = input.claimId ? check.id('claimId', input.claimId) : null;
    const eventId = input.eventId ? check.id('eventId', input.eventId) : null;
    if ((claimId === null) === (eventId === null)) check.fail('claimId', 'evidence supports either a claim or an event');
    check.done();
    const revision = await revisionFor(manager, input);
    const selector = anchorSelector(revision.text, input.selector);
    const id = input.id ?? newId();
    const now = new Date();
    return manager.transaction(async (outer) => {
      const written = await new RecordWriter(outer).create(context, EvidenceRecord, id, input.reason ?? null, async (tx) => {
        await requireReferences(tx, [
          { field: 'claimId', table: 'claims', id: claimId },
          { field: 'eventId', table: 'events', id: eventId },
        ]);
        return EvidenceRecord.insertState(
          tx,
          id,
          {
            claimId,
            eventId,
            sourceRevisionId: revision.id,
            selector,
            anchorStatus: AnchorStatus.ANCHORED,
            verifiedQuote: null,
            deletedAt: null,
            deleteReason: null,
          },
          now,
        );
      });
      await this.reopenOwner(outer, context, { claimId, eventId }, input.reason ?? 'Evidence added');
      return written;
    });
  }

  /** Anchors a record being created to its words, inside the creation's transaction. */
  async createFor(
    context: WriteContext,
    manager: EntityManager,
    supported: { claimId: string } | { eventId: string },
    selections: EvidenceSelectionInput[] | undefined,
    reason: string | null | undefined,
  ): Promise<void> {
    if (!selections || selections.length === 0) return;
    if (selections.length > MAX_EVIDENCE_AT_CREATION) {
      throw new BadInputError([{ field: 'evidence', message: `at most ${MAX_EVIDENCE_AT_CREATION} quotes at once; add more afterwards` }]);
    }
    for (const selection of selections) await this.create(context, { ...selection, ...supported, reason: reason ?? null }, manager);
  }

  /** Re-selects the words: in the named revision of the same source, or its current text. */
  async update(context: WriteContext, input: UpdateEvidenceInput): Promise<Evidence> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason ?? null,
      operation: RevisionOperation.UPDATE,
    };
    await this.withOwnerReopened(context, target.id, input.reason ?? 'Evidence re-selected', (writer) =>
      writer.replace(context, EvidenceRecord, target, async (before, tx) => {
        const current = await tx.findOneByOrFail(SourceRevision, { id: before.sourceRevisionId });
        const revision = await revisionFor(
          tx,
          input.sourceRevisionId ? { sourceRevisionId: input.sourceRevisionId } : { sourceId: current.sourceId },
        );
        if (revision.sourceId !== current.sourceId)
          throw new BadInputError([{ field: 'sourceRevisionId', message: 'is a revision of another source' }]);
        return {
          ...before,
          sourceRevisionId: revision.id,
          selector: anchorSelector(revision.text, input.selector),
          anchorStatus: AnchorStatus.ANCHORED,
        };
      }),
    );
    return this.current(target.id);
  }

  /**
   * FUZZY → ANCHORED on the words a correction moved the evidence to, as they stand. Confirming chooses what the
   * record rests on, so it is a content change of that record (four-eyes: whoever confirms may not judge it).
   */
  async confirm(context: WriteContext, input: ConfirmEvidenceInput): Promise<Evidence> {
    const target = {
      id: requireId(input.id),
      expectedVersion: input.expectedVersion,
      reason: input.reason?.trim() || 'Confirmed these words',
      operation: RevisionOperation.UPDATE,
    };
    await this.withOwnerReopened(context, target.id, target.reason, (writer) =>
      writer.replace(context, EvidenceRecord, target, (before) => {
        if (before.anchorStatus !== AnchorStatus.FUZZY) {
          throw new BadInputError([
            {
              field: 'id',
              message: `is ${before.anchorStatus}: only FUZZY evidence is confirmed; select ORPHANED evidence again with updateEvidence`,
            },
          ]);
        }
        return { ...before, anchorStatus: AnchorStatus.ANCHORED };
      }),
    );
    return this.current(target.id);
  }

  async delete(context: WriteContext, target: ChangeTarget): Promise<Evidence> {
    const id = requireId(target.id);
    await this.withOwnerReopened(context, id, target.reason ?? 'Evidence deleted', (writer) =>
      writer.softDelete(context, EvidenceRecord, { ...target, id }),
    );
    return this.current(id);
  }

  async restore(context: WriteContext, target: ChangeTarget): Promise<Evidence> {
    const id = requireId(target.id);
    await this.withOwnerReopened(context, id, target.reason ?? 'Evidence restored', (writer) =>
      writer.restore(context, EvidenceRecord, { ...target, id }),
    );
    return this.current(id);
  }

  /** One transaction: the evidence write, then its claim or event back to review if a reviewer had judged it. */
  private withOwnerReopened(
    context: WriteContext,
    id: string,
    reason: string,
    write: (writer: RecordWriter) => Promise<Written<EvidenceState>>,
  ) {
    return this.dataSource.transaction(async (tx) => {
      const { state } = await write(new RecordWriter(tx));
      await this.reopenOwner(tx, context, state, reason);
    });
  }

  current(id: string): Promise<Evidence> {
    return this.dataSource.manager.findOneByOrFail(Evidence, { id });
  }
}
