import type { DataSource, EntityManager } from 'typeorm';
import { locateQuote, type TextQuote } from '../../core/anchoring/text-quote.js';
import { BadInputError } from '../../core/errors.js';
import { newId } from '../../core/ids.js';
import { requireReferences } from '../../core/references.js';
import { RecordWriter, type WriteContext, type Written } from '../../core/revisions/record-writer.js';
import { InputCheck } from '../../core/validation.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { AnchorStatus } from './evidence.enums.js';
import { Evidence } from './evidence.entity.js';
import { EvidenceRecord, type EvidenceState } from './evidence.state.js';

export interface CreateEvidenceInput {
  id?: string;
  claimId?: string | null;
  eventId?: string | null;
  /** The snapshot the quote is in; the source's current one when only `sourceId` is given. */
  sourceRevisionId?: string | null;
  sourceId?: string | null;
  quote: TextQuote;
  reason?: string | null;
}

const MAX_QUOTE = 10_000;

export class EvidenceService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Anchors a quote in a source revision's text and records it as evidence. A quote that is not in the text,
   * or stands there more than once with no prefix or suffix to choose, is refused: never a guessed anchor.
   */
  async create(context: WriteContext, input: CreateEvidenceInput, manager: EntityManager = this.dataSource.manager): Promise<Written<EvidenceState>> {
    const check = new InputCheck();
    const claimId = input.claimId ? check.id('claimId', input.claimId) : null;
    const eventId = input.eventId ? check.id('eventId', input.eventId) : null;
    if ((claimId === null) === (eventId === null)) check.fail('claimId', 'evidence supports either a claim or an event');
    if (!input.sourceRevisionId && !input.sourceId) check.fail('sourceRevisionId', 'name the source revision, or the source');
    if (input.sourceRevisionId) check.id('sourceRevisionId', input.sourceRevisionId);
    else if (input.sourceId) check.id('sourceId', input.sourceId);
    if (input.quote.exact.length === 0) check.fail('quote.exact', 'must not be empty');
    if (input.quote.exact.length > MAX_QUOTE) check.fail('quote.exact', `must be at most ${MAX_QUOTE} characters`);
    check.done();

    const revision = input.sourceRevisionId
      ? await manager.findOneBy(SourceRevision, { id: input.sourceRevisionId })
      : await manager.findOne(SourceRevision, { where: { sourceId: input.sourceId! }, order: { number: 'DESC' } });
    if (!revision) {
      throw new BadInputError([{ field: input.sourceRevisionId ? 'sourceRevisionId' : 'sourceId', message: 'no such source text' }]);
    }
    const match = locateQuote(revision.text, input.quote);
    if (!match.ok) {
      const message =
        match.reason === 'AMBIGUOUS'
          ? `stands ${match.occurrences} times in the text: add a prefix or suffix to say which`
          : 'is not in the text (with the given prefix and suffix)';
      throw new BadInputError([{ field: 'quote.exact', message: `"${input.quote.exact.slice(0, 80)}" ${message}` }]);
    }
    const { selector } = match;
    const id = input.id ?? newId();
    const now = new Date();
    return new RecordWriter(manager).create(context, EvidenceRecord, id, input.reason ?? null, async (tx) => {
      await requireReferences(tx, [
        { field: 'claimId', table: 'claims', id: claimId },
        { field: 'eventId', table: 'events', id: eventId },
      ]);
      await tx.insert(Evidence, {
        id,
        claimId,
        eventId,
        sourceRevisionId: revision.id,
        exact: selector.exact,
        prefix: selector.prefix,
        suffix: selector.suffix,
        startPos: selector.start,
        endPos: selector.end,
        anchorStatus: AnchorStatus.ANCHORED,
        createdAt: now,
        updatedAt: now,
      });
    });
  }
}
