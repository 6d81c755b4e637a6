import type { DataSource, EntityManager } from 'typeorm';

import { DatePrecision, refinesDate } from '../../core/dates/precision.js';
import { BadInputError, NotFoundError } from '../../core/errors.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { statusAfterEdit } from '../../core/review/workflow.js';
import { type DeletableState, type RecordKind, RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
import { lockRowsById } from '../../core/row-locks.js';
import { BlockKind, blocksOf } from '../../core/text/blocks.js';
import { InputCheck, requireId } from '../../core/validation.js';
import { AnnotatedRecordType, Motivation } from '../annotations/annotations.enums.js';
import { AnnotationsService } from '../annotations/annotations.service.js';
import { Claim, ClaimRecord } from '../claims/claim.entity.js';
import { ClaimsService } from '../claims/claims.service.js';
import { Event, EventRecord } from '../events/event.entity.js';
import { EventsService } from '../events/events.service.js';
import { Evidence } from '../evidence/evidence.entity.js';
import { EvidenceService } from '../evidence/evidence.service.js';
import { NEW_NAME_TAG } from '../merging/new-name.js';
import { reopenAfterEvidenceChange } from '../review/review.service.js';
import { Source } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { SourcesService } from '../sources/sources.service.js';
import { type Disposition, readAcrossSources } from './across-sources.js';
import { cleanDocument, titleOf } from './clean.js';
import { checkWorthiness, REPRINT } from './corroborate.js';
import { Gazetteer } from './gazetteer.js';
import type { AcceptProposalInput, DuplicateSource, ImportReport, ImportSourceInput, MergeProposalInput } from './ingest.types.js';
import { propose } from './propose.js';
import { similarity } from './similarity.js';
import type { KnownDate } from './time-expressions.js';

const MAX_CONTENT = 5_000_000;
/** Below this share of common passages two texts are different articles on the same subject. */
const DUPLICATE_THRESHOLD = 0.3;

const foldedInto = (dispositions: Disposition[]) => dispositions.flatMap((d) => (d.kind === 'folded' ? [d.id] : []));

type ProposalStateful = DeletableState & { proposal: ProposalState | null };

const PROPOSABLE: ReadonlyArray<{ kind: RecordKind<ProposalStateful, Claim | Event>; evidenceKey: 'claimId' | 'eventId' }> = [
  { kind: ClaimRecord, evidenceKey: 'claimId' },
  { kind: EventRecord, evidenceKey: 'eventId' },
];

/**
 * Turns a document into a source and drafts for editors: cleans it, flags what it repeats, proposes claims,
 * events and new names, all in one transaction through the same services an editor's writes use.
 */
export class IngestService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources = new SourcesService(dataSource),
    private readonly evidence = new EvidenceService(dataSource, reopenAfterEvidenceChange),
    private readonly claims = new ClaimsService(dataSource, evidence),
    private readonly events = new EventsService(dataSource, evidence),
    private readonly annotations = new AnnotationsService(dataSource),
  ) {}

  /** Given a manager in a transaction, the import is part of it: a batch's item settles in the same commit. */
  async importSource(
    context: WriteContext,
    input: ImportSourceInput,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ImportReport> {
    const check = new InputCheck();
    if (input.content.length > MAX_CONTENT) check.fail('content', `must be at most ${MAX_CONTENT.toLocaleString('en')} characters`);
    check.done();
    const cleaned = cleanDocument(input.content, input.format);
    if (cleaned.text.trim().length === 0) throw new BadInputError([{ field: 'content', message: 'holds no text once cleaned' }]);
    const title = input.title?.trim() || titleOf(cleaned);
    const origin = `${input.fileName ? `${input.fileName}, ` : ''}${input.format}, ${cleaned.originalBytes.toLocaleString('en')} bytes, original sha256 ${cleaned.originalSha256}`;
    const reason = `Imported (${origin}): ${cleaned.steps.join('; ')}`;
    const duplicates = await this.similarSources(cleaned.text);

    const blocks = blocksOf(cleaned.text);
    const publication: KnownDate | null =
      input.publishedAt && input.publishedPrecision ? { date: input.publishedAt, precision: input.publishedPrecision } : null;

    return manager.transaction(async (tx) => {
      const firstCopy = await this.firstCopyOf(tx, duplicates);
      const gazetteer = await this.gazetteer(tx);
      const proposals =
        input.propose === false
          ? null
          : propose(cleaned.text, blocks, {
              gazetteer,
              publication,
              eventTypes: new Set(
                (await tx.query(`SELECT code FROM event_types WHERE deleted_at IS NULL`)).map((row: { code: string }) => row.code),
              ),
              authorLabel: input.author?.trim() || cleaned.byline || "the article's author",
            });
      // A first copy nobody imported with proposals (recorded by hand, or without them) has none to fold into.
      const across = proposals
        ? await readAcrossSources(tx, cleaned.text, proposals, publication, firstCopy?.proposed ? firstCopy : null, gazetteer)
        : null;
      // Near-copies imported at once fold into the same first copy's proposals, each in its own text's order.
      if (across) {
        await lockRowsById(tx, 'claims', foldedInto(across.claims));
        await lockRowsById(tx, 'events', foldedInto(across.events));
      }
      const written = await this.sources.create(
        context,
        {
          title,
          text: cleaned.text,
          url: input.url ?? null,
          publisher: input.publisher ?? null,
          author: input.author ?? cleaned.byline ?? null,
          publishedAt: input.publishedAt ?? null,
          publishedPrecision: input.publishedPrecision ?? null,
          publishedBasis: input.publishedBasis ?? null,
          language: input.language,
          kind: input.kind,
          reliability: input.reliability ?? null,
          reason,
          storyId: firstCopy ? (firstCopy.storyId ?? firstCopy.sourceId) : (across?.storyId ?? null),
          reprintOfId: firstCopy?.sourceId ?? null,
        },
        tx,
      );
      const sourceId = written.revision.recordId;
      const revision = await tx.findOneByOrFail(SourceRevision, { sourceId, number: 1 });
      const codePoints = Array.from(cleaned.text);
      const selector = (start: number, end: number) => ({ exact: codePoints.slice(start, end).join(''), start, end });
      const note = (body: string, tags: string[], motivation: Motivation, span?: { start: number; end: number }) =>
        this.annotations.create(
          context,
          {
            targetType: AnnotatedRecordType.SOURCE,
            targetId: sourceId,
            motivation,
            body,
            tags,
            span: span ? { sourceRevisionId: revision.id, selector: selector(span.start, span.end) } : null,
          },
          tx,
        );

      for (const duplicate of duplicates) {
        await note(
          `This text repeats “${duplicate.source.title}” (source ${duplicate.source.id}): ${Math.round(duplicate.similarity * 100)}% of their five-word passages are the same. Re-published or lightly edited? Keep both, or delete this one with that reason.`,
          ['duplicate-source'],
          Motivation.LINKING,
        );
      }
      const repeats = blocks.filter((block) => block.kind === BlockKind.REPEAT);
      for (const block of repeats) {
        await note(
          `This paragraph repeats paragraph ${block.repeatOf! + 1} word for word: printed twice in the source. Nothing is proposed from the repeat.`,
          ['repeated-paragraph'],
          Motivation.ASSESSING,
          block,
        );
      }

      const report: ImportReport = {
        source: await tx.findOneByOrFail(Source, { id: sourceId }),
        duplicates,
        repeatedParagraphs: repeats.length,
        claimsProposed: 0,
        eventsProposed: 0,
        claimsCorroborating: 0,
        eventsCorroborating: 0,
        folded: 0,
        newNames: [],
        originalSha256: cleaned.originalSha256,
        steps: cleaned.steps,
      };
      if (!proposals || !across) return report;

      const proposed = `Proposed by the import of “${title}”`;
      const folded = `Folded from “${title}”, a reprint of the source this proposal was read from`;
      const evidenceOn = (span: { start: number; end: number }) => [
        { sourceRevisionId: revision.id, selector: selector(span.start, span.end) },
      ];
      const eventIds: Array<string | null> = [];
      for (const [i, event] of proposals.events.entries()) {
        const disposition = across.events[i]!;
        if (disposition.kind === 'folded') {
          await this.evidence.create(context, { eventId: disposition.id, ...evidenceOn(event.span)[0]!, reason: folded }, tx);
          report.folded += 1;
        }
        if (disposition.kind === 'folded' || disposition.kind === 'dropped') {
          eventIds.push(disposition.kind === 'folded' ? disposition.id : null);
          continue;
        }
        const created = await this.events.create(
          context,
          {
            title: event.title,
            type: event.type,
            start: { date: event.start.date, precision: event.start.precision as DatePrecision },
            timeExpression: event.timeExpression,
            placeId: event.placeId,
            modality: event.modality,
            participants: event.participants,
            evidence: evidenceOn(event.span),
            reason: disposition.kind === 'corroborates' ? `${proposed}: it tells again stored event ${disposition.id}` : proposed,
            proposal: ProposalState.PENDING,
            corroboratesId: disposition.kind === 'corroborates' ? disposition.id : null,
          },
          tx,
        );
        eventIds.push(created.revision.recordId);
        report.eventsProposed += 1;
        if (disposition.kind === 'corroborates') report.eventsCorroborating += 1;
      }
      for (const [i, claim] of proposals.claims.entries()) {
        const disposition = across.claims[i]!;
        if (disposition.kind === 'folded') {
          await this.evidence.create(context, { claimId: disposition.id, ...evidenceOn(claim.span)[0]!, reason: folded }, tx);
          report.folded += 1;
        }
        if (disposition.kind === 'folded' || disposition.kind === 'dropped') continue;
        const eventId = claim.event === null ? null : eventIds[claim.event];
        await this.claims.create(
          context,
          {
            text: claim.text,
            claimantId: claim.claimantId,
            claimantLabel: claim.claimantLabel,
            attribution: claim.attribution,
            modality: claim.modality,
            entityIds: claim.entityIds,
            eventIds: eventId ? [eventId] : [],
            checkWorthiness: checkWorthiness(claim),
            evidence: evidenceOn(claim.span),
            reason: disposition.kind === 'corroborates' ? `${proposed}: it says again stored claim ${disposition.id}` : proposed,
            proposal: ProposalState.PENDING,
            corroboratesId: disposition.kind === 'corroborates' ? disposition.id : null,
          },
          tx,
        );
        report.claimsProposed += 1;
        if (disposition.kind === 'corroborates') report.claimsCorroborating += 1;
      }
      for (const name of proposals.names) {
        await note(
          `New name: “${name.name}”, ${name.occurrences} time${name.occurrences === 1 ? '' : 's'} in the text, matches no known entity or alias. Create it, add it as an alias, or resolve this note.`,
          [NEW_NAME_TAG],
          Motivation.TAGGING,
          name.span,
        );
      }
      return { ...report, newNames: proposals.names.map((n) => n.name) };
    });
  }

  /** An editor takes a proposal on: it stays a draft, with them as its last editor, and goes through review. */
  async accept(context: WriteContext, input: AcceptProposalInput): Promise<Claim | Event> {
    const id = requireId(input.id);
    const { kind } = await this.proposable(this.dataSource.manager, id);
    await new RecordWriter(this.dataSource).replace(
      context,
      kind,
      {
        id,
        expectedVersion: input.expectedVersion,
        reason: input.reason?.trim() || 'Accepted the imported proposal',
        operation: RevisionOperation.UPDATE,
      },
      (before) => {
        if (before.proposal !== ProposalState.PENDING)
          throw new BadInputError([{ field: 'id', message: 'only a PENDING proposal can be accepted' }]);
        if (before.deletedAt)
          throw new BadInputError([{ field: 'id', message: 'a discarded proposal cannot be accepted; restore it first' }]);
        // Taken on as a record of its own, it no longer offers itself as another's corroboration.
        return { ...before, proposal: ProposalState.ACCEPTED, corroboratesId: null };
      },
    );
    return this.dataSource.manager.findOneByOrFail(kind.entity, { id });
  }

  /**
   * The proposal says what an existing record says: its words become that record's evidence, through the evidence
   * write path (a judged record goes back to review), and it is deleted. Merged into the event it was found to tell
   * again, a proposal dated more precisely gives that event its date, the reason quoting the words that date it and their source's title.
   */
  async merge(context: WriteContext, input: MergeProposalInput): Promise<Claim | Event> {
    const id = requireId(input.id);
    return this.dataSource.transaction(async (tx) => {
      const { kind, evidenceKey } = await this.proposable(tx, id);
      const intoId = input.intoId ? requireId(input.intoId, 'intoId') : (await tx.findOneByOrFail(kind.entity, { id })).corroboratesId;
      // Merges into one record at once would each share-lock it by the evidence's key, then wait to update it.
      if (intoId) await lockRowsById(tx, kind.table, [id, intoId]);
      const proposal = await tx.findOneByOrFail(kind.entity, { id });
      if (!intoId)
        throw new BadInputError([
          { field: 'intoId', message: 'name the record to merge into: the import found none this proposal says again' },
        ]);
      if (id === intoId) throw new BadInputError([{ field: 'intoId', message: 'a proposal cannot merge into itself' }]);
      const target = await tx.findOneBy(kind.entity, { id: intoId });
      if (!target || target.deletedAt)
        throw new BadInputError([
          { field: 'intoId', message: `no ${evidenceKey === 'claimId' ? 'claim' : 'event'} ${intoId} to merge into` },
        ]);
      // Read by a reviewer asked to judge the record again: it names what was merged, in words, never by id.
      const given = input.reason?.trim();
      const added: Array<{ exact: string; sourceId: string }> = [];
      for (const evidence of await tx.find(Evidence, { where: { [evidenceKey]: id } })) {
        if (evidence.deletedAt) continue;
        const { sourceId } = await tx.findOneByOrFail(SourceRevision, { id: evidence.sourceRevisionId });
        const source = await tx.findOneByOrFail(Source, { id: sourceId });
        await this.evidence.create(
          context,
          {
            [evidenceKey]: intoId,
            sourceRevisionId: evidence.sourceRevisionId,
            selector: { exact: evidence.exact, start: evidence.startPos, end: evidence.endPos },
            reason: given || `Said again in “${source.title}”: an import's proposal merged here`,
          },
          tx,
        );
        added.push({ exact: evidence.exact, sourceId });
      }
      const reason = given || `Merged into “${(target instanceof Claim ? target.text : (target as Event).title).slice(0, 160)}”`;
      if (proposal instanceof Event && proposal.startDate && proposal.startPrecision && added[0]) {
        await this.raiseDatePrecision(context, tx, intoId, { date: proposal.startDate, precision: proposal.startPrecision }, added[0]);
      }
      await new RecordWriter(tx).softDelete(context, kind, { id, expectedVersion: input.expectedVersion, reason });
      return tx.findOneByOrFail(kind.entity, { id: intoId });
    });
  }

  /** Gives a stored event the finer date a merged proposal tells, when it refines the stored one; a judged event goes back to review. */
  private async raiseDatePrecision(
    context: WriteContext,
    manager: EntityManager,
    eventId: string,
    start: { date: string; precision: DatePrecision },
    evidence: { exact: string; sourceId: string },
  ): Promise<void> {
    const current = await manager.findOneByOrFail(Event, { id: eventId });
    if (!refinesDate(start, current)) return;
    const source = await manager.findOneByOrFail(Source, { id: evidence.sourceId });
    await new RecordWriter(manager).replace(
      context,
      EventRecord,
      {
        id: eventId,
        expectedVersion: current.version,
        // A reviewer reads it in words; the evidence written beside it in this transaction links the source for machines.
        reason: `Dated ${start.date} at ${start.precision} (was ${current.startDate} at ${current.startPrecision}) by the words “${evidence.exact.slice(0, 160)}” in “${source.title}”`,
        operation: RevisionOperation.UPDATE,
      },
      (before) => ({ ...before, startDate: start.date, startPrecision: start.precision, status: statusAfterEdit(before.status) }),
    );
  }

  private async proposable(manager: EntityManager, id: string) {
    for (const proposable of PROPOSABLE) {
      if (await manager.existsBy(proposable.kind.entity, { id })) return proposable;
    }
    throw new NotFoundError('Claim or Event', id);
  }

  /** The first copy of the text a new source reprints: the stored source it repeats most, above the reprint threshold, or the one that source reprints. */
  private async firstCopyOf(
    manager: EntityManager,
    duplicates: DuplicateSource[],
  ): Promise<{ sourceId: string; storyId: string | null; text: string; proposed: boolean } | null> {
    const top = duplicates[0];
    if (!top || top.similarity < REPRINT) return null;
    const first = top.source.reprintOfId ? await manager.findOneByOrFail(Source, { id: top.source.reprintOfId }) : top.source;
    const revision = await manager.findOneOrFail(SourceRevision, { where: { sourceId: first.id }, order: { number: 'DESC' } });
    const [{ proposed }] = await manager.query(
      `SELECT EXISTS (
         SELECT 1 FROM evidence e JOIN source_revisions sr ON sr.id = e.source_revision_id
           LEFT JOIN claims c ON c.id = e.claim_id LEFT JOIN events ev ON ev.id = e.event_id
          WHERE sr.source_id = $1 AND (c.proposal IS NOT NULL OR ev.proposal IS NOT NULL)) AS proposed`,
      [first.id],
    );
    return { sourceId: first.id, storyId: first.storyId, text: revision.text, proposed };
  }

  private async gazetteer(manager: EntityManager): Promise<Gazetteer> {
    const rows: Array<{ id: string; name: string; kind: string; aliases: string[] }> = await manager.query(
      `SELECT id, name, kind, aliases FROM entities WHERE deleted_at IS NULL AND merged_into_id IS NULL`,
    );
    return new Gazetteer(rows);
  }

  /** Stored sources that share many of this text's passages: found by their rarest words, then compared passage by passage. */
  private async similarSources(text: string): Promise<DuplicateSource[]> {
    const words = [...new Set(text.toLowerCase().match(/\p{L}{7,}/gu) ?? [])]
      .sort((a, b) => b.length - a.length || a.localeCompare(b))
      .slice(0, 12);
    if (words.length === 0) return [];
    const candidates: Array<{ source_id: string; text: string }> = await this.dataSource.query(
      // The sources sharing most of the rarest words first: with many stored, the copy must not fall past the limit.
      `SELECT source_id, text FROM (
         SELECT DISTINCT ON (sr.source_id) sr.source_id, sr.text, ts_rank(sr.search_vector, query) AS rank
           FROM source_revisions sr JOIN sources s ON s.id = sr.source_id AND s.deleted_at IS NULL, to_tsquery('english', $1) query
          WHERE sr.search_vector @@ query
          ORDER BY sr.source_id, sr.number DESC) latest
        ORDER BY rank DESC, source_id
        LIMIT 50`,
      [words.map((w) => w.replace(/[^\p{L}]/gu, '')).join(' | ')],
    );
    const similar = candidates
      .map((c) => ({ id: c.source_id, similarity: similarity(text, c.text) }))
      .filter((c) => c.similarity >= DUPLICATE_THRESHOLD);
    similar.sort((a, b) => b.similarity - a.similarity);
    const found: DuplicateSource[] = [];
    for (const candidate of similar.slice(0, 5)) {
      found.push({
        source: await this.dataSource.manager.findOneByOrFail(Source, { id: candidate.id }),
        similarity: Math.round(candidate.similarity * 1000) / 1000,
      });
    }
    return found;
  }
}
