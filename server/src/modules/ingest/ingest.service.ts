import type { DataSource, EntityManager } from 'typeorm';

import { DatePrecision } from '../../core/dates/precision.js';
import { BadInputError, NotFoundError } from '../../core/errors.js';
import { ProposalState } from '../../core/proposals/proposal-state.js';
import { type DeletableState, type RecordKind, RecordWriter, type WriteContext } from '../../core/revisions/record-writer.js';
import { RevisionOperation } from '../../core/revisions/revisions.enums.js';
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
import { reopenAfterEvidenceChange } from '../review/review.service.js';
import { Source } from '../sources/source.entity.js';
import { SourceRevision } from '../sources/source-revision.entity.js';
import { SourcesService } from '../sources/sources.service.js';
import { cleanDocument, titleOf } from './clean.js';
import { Gazetteer } from './gazetteer.js';
import type { AcceptProposalInput, DuplicateSource, ImportReport, ImportSourceInput, MergeProposalInput } from './ingest.types.js';
import { propose } from './propose.js';
import { similarity } from './similarity.js';

const MAX_CONTENT = 5_000_000;
/** Below this share of common passages two texts are different articles on the same subject. */
const DUPLICATE_THRESHOLD = 0.3;

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

  async importSource(context: WriteContext, input: ImportSourceInput): Promise<ImportReport> {
    const check = new InputCheck();
    if (input.content.length > MAX_CONTENT) check.fail('content', `must be at most ${MAX_CONTENT.toLocaleString('en')} characters`);
    check.done();
    const cleaned = cleanDocument(input.content, input.format);
    if (cleaned.text.trim().length === 0) throw new BadInputError([{ field: 'content', message: 'holds no text once cleaned' }]);
    const title = input.title?.trim() || titleOf(cleaned);
    const origin = `${input.fileName ? `${input.fileName}, ` : ''}${input.format}, ${cleaned.originalBytes.toLocaleString('en')} bytes, original sha256 ${cleaned.originalSha256}`;
    const reason = `Imported (${origin}): ${cleaned.steps.join('; ')}`;
    const duplicates = await this.similarSources(cleaned.text);

    return this.dataSource.transaction(async (tx) => {
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
      const blocks = blocksOf(cleaned.text);
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
        newNames: [],
        originalSha256: cleaned.originalSha256,
        steps: cleaned.steps,
      };
      if (input.propose === false) return report;

      const proposals = propose(cleaned.text, blocks, {
        gazetteer: await this.gazetteer(tx),
        publication:
          input.publishedAt && input.publishedPrecision ? { date: input.publishedAt, precision: input.publishedPrecision } : null,
        eventTypes: new Set(
          (await tx.query(`SELECT code FROM event_types WHERE deleted_at IS NULL`)).map((row: { code: string }) => row.code),
        ),
        authorLabel: input.author?.trim() || cleaned.byline || "the article's author",
      });
      const proposed = `Proposed by the import of “${title}”`;
      const evidenceOn = (span: { start: number; end: number }) => [
        { sourceRevisionId: revision.id, selector: selector(span.start, span.end) },
      ];
      const eventIds: string[] = [];
      for (const event of proposals.events) {
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
            reason: proposed,
            proposal: ProposalState.PENDING,
          },
          tx,
        );
        eventIds.push(created.revision.recordId);
      }
      for (const claim of proposals.claims) {
        await this.claims.create(
          context,
          {
            text: claim.text,
            claimantId: claim.claimantId,
            claimantLabel: claim.claimantLabel,
            attribution: claim.attribution,
            modality: claim.modality,
            entityIds: claim.entityIds,
            eventIds: claim.event === null ? [] : [eventIds[claim.event]!],
            evidence: evidenceOn(claim.span),
            reason: proposed,
            proposal: ProposalState.PENDING,
          },
          tx,
        );
      }
      for (const name of proposals.names) {
        await note(
          `New name: “${name.name}”, ${name.occurrences} time${name.occurrences === 1 ? '' : 's'} in the text, matches no known entity or alias. Create it, add it as an alias, or resolve this note.`,
          ['new-name'],
          Motivation.TAGGING,
          name.span,
        );
      }
      return {
        ...report,
        claimsProposed: proposals.claims.length,
        eventsProposed: proposals.events.length,
        newNames: proposals.names.map((n) => n.name),
      };
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
        return { ...before, proposal: ProposalState.ACCEPTED };
      },
    );
    return this.dataSource.manager.findOneByOrFail(kind.entity, { id });
  }

  /** The proposal says what an existing record says: its words become that record's evidence, and it is deleted. */
  async merge(context: WriteContext, input: MergeProposalInput): Promise<Claim | Event> {
    const id = requireId(input.id);
    const intoId = requireId(input.intoId, 'intoId');
    if (id === intoId) throw new BadInputError([{ field: 'intoId', message: 'a proposal cannot merge into itself' }]);
    return this.dataSource.transaction(async (tx) => {
      const { kind, evidenceKey } = await this.proposable(tx, id);
      const target = await tx.findOneBy(kind.entity, { id: intoId });
      if (!target || target.deletedAt)
        throw new BadInputError([
          { field: 'intoId', message: `no ${evidenceKey === 'claimId' ? 'claim' : 'event'} ${intoId} to merge into` },
        ]);
      const reason = input.reason?.trim() || `Merged into ${intoId}`;
      for (const evidence of await tx.find(Evidence, { where: { [evidenceKey]: id } })) {
        if (evidence.deletedAt) continue;
        await this.evidence.create(
          context,
          {
            [evidenceKey]: intoId,
            sourceRevisionId: evidence.sourceRevisionId,
            selector: { exact: evidence.exact, start: evidence.startPos, end: evidence.endPos },
            reason,
          },
          tx,
        );
      }
      await new RecordWriter(tx).softDelete(context, kind, { id, expectedVersion: input.expectedVersion, reason });
      return tx.findOneByOrFail(kind.entity, { id: intoId });
    });
  }

  private async proposable(manager: EntityManager, id: string) {
    for (const proposable of PROPOSABLE) {
      if (await manager.existsBy(proposable.kind.entity, { id })) return proposable;
    }
    throw new NotFoundError('Claim or Event', id);
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
      `SELECT DISTINCT ON (sr.source_id) sr.source_id, sr.text
         FROM source_revisions sr JOIN sources s ON s.id = sr.source_id AND s.deleted_at IS NULL
        WHERE sr.search_vector @@ to_tsquery('english', $1)
        ORDER BY sr.source_id, sr.number DESC
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
