import type pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

import type { BulkShape } from '../../src/core/records/declaration.js';
import { ReviewStatus } from '../../src/core/review/status.js';
import { canonicalJson, sha256Hex } from '../../src/core/revisions/canonical-json.js';
import { revisionHash } from '../../src/core/revisions/chain.js';
import { diffStates, type RecordState } from '../../src/core/revisions/diff.js';
import type { RecordMeta } from '../../src/core/revisions/record-writer.js';
import { RecordType, RevisionOperation } from '../../src/core/revisions/revisions.enums.js';
import { ClaimRecord, type ClaimState } from '../../src/modules/claims/claim.entity.js';
import { EntityKindRecord, type EntityState } from '../../src/modules/entities/entity.entity.js';
import { EventRecord, type EventState } from '../../src/modules/events/event.entity.js';
import { EvidenceRecord, type EvidenceState } from '../../src/modules/evidence/evidence.entity.js';
import { AnchorStatus } from '../../src/modules/evidence/evidence.enums.js';
import { anchorSelector } from '../../src/modules/evidence/evidence.service.js';
import { SourceRecord, type SourceState } from '../../src/modules/sources/source.entity.js';
import { type ColumnType, copyIn, type CopyPayload, copyPayload } from './copy-in.js';
import type { Corpus, FinalStatus, GeneratedClaim, GeneratedEvent, GeneratedQuote, SourceBundle } from './generate.js';
import { type SetAside, setAside } from './set-aside.js';

/** The import run the corpus is attributed to, as a seed run is: `import:<run>` writes, `import-review:<run>` judges. */
export const IMPORT_RUN = 'bench-corpus';
export const IMPORT_ACTOR = `import:${IMPORT_RUN}`;
export const IMPORT_REVIEWER = `import-review:${IMPORT_RUN}`;
export const IMPORT_REASON = 'Imported with the benchmark corpus';
export const SUBMIT_COMMENT = 'Drawn from the source by the import';
export const VERIFY_COMMENT = 'Read beside the source: the quote anchors where it should, and the attribution and modality match the text.';
export const RETRACT_COMMENT = 'Withdrawn: a later source contradicts the account.';

const HOUR = 3_600_000;
const ENTITIES_PER_BATCH = 5000;
/** Two connections, so PostgreSQL writes one batch on each core while this process makes the next. */
const WRITERS = 2;
/** Long enough to keep PostgreSQL busy, short enough to let the event loop send the next statement. */
const YIELD_EVERY_MS = 4;

type Row = Record<string, unknown>;

/** One table's rows, kept until the batch is written. */
class Rows {
  readonly rows: Row[] = [];

  constructor(
    readonly table: string,
    readonly columns: ReadonlyArray<readonly [string, ColumnType]>,
  ) {}

  get count(): number {
    return this.rows.length;
  }

  add(row: Row): void {
    this.rows.push(row);
  }
}

/** A kind's row and link rows, in the tables and columns its declaration derives. */
class KindRows<S> {
  readonly row: Rows;
  private readonly links: Map<string, Rows>;

  constructor(private readonly shape: BulkShape<S>) {
    this.row = new Rows(shape.row.table, shape.row.columns);
    this.links = new Map(Object.entries(shape.links).map(([property, table]) => [property, new Rows(table.table, table.columns)]));
  }

  /** Its tables, the record's own first, as foreign keys need them written. */
  get tables(): Rows[] {
    return [this.row, ...this.links.values()];
  }

  add(meta: RecordMeta, state: S): void {
    const { row, links } = this.shape.rowsOf(meta, state);
    this.row.add(row);
    for (const [property, rows] of Object.entries(links)) for (const linkRow of rows) this.links.get(property)!.add(linkRow);
  }
}

/** The tables whose columns come from the kinds' declarations. */
interface Shapes {
  entities: BulkShape<EntityState>;
  sources: BulkShape<SourceState>;
  claims: BulkShape<ClaimState>;
  events: BulkShape<EventState>;
  evidence: BulkShape<EvidenceState>;
}

interface Step {
  operation: RevisionOperation;
  state: RecordState;
  reason: string;
  actor: string;
  createdAt: Date;
}

export interface LoadCounts {
  entities: number;
  sources: number;
  events: number;
  claims: number;
  evidence: number;
  revisions: number;
  /** Seconds spent rebuilding what was set aside (indexes, foreign keys) and checking every anchor, within the load. */
  restoreSeconds?: number;
}

export interface BulkLoadOptions {
  sourcesPerBatch?: number;
  onBatch?: (counts: LoadCounts) => void;
  /**
   * The tables' owner: with it, the load sets secondary indexes, foreign keys and the per-row anchor trigger aside
   * and rebuilds and checks them set-wise after (see set-aside.ts); without it, every row goes through them.
   */
  ownerUrl?: string;
  /** Keeps every batch's COPYs as sent, to replay them without this process's work (PostgreSQL's own ceiling). */
  capture?: CopyPayload[][];
}

const tables = (shapes: Shapes) => ({
  sources: new KindRows(shapes.sources),
  sourceRevisions: new Rows('source_revisions', [
    ['id', 'uuid'],
    ['source_id', 'uuid'],
    ['number', 'int'],
    ['text', 'text'],
    ['sha256', 'text'],
    ['reason', 'text'],
    ['actor', 'text'],
    ['created_at', 'timestamptz'],
  ]),
  entities: new KindRows(shapes.entities),
  events: new KindRows(shapes.events),
  claims: new KindRows(shapes.claims),
  evidence: new KindRows(shapes.evidence),
  revisions: new Rows('revisions', [
    ['record_type', 'text'],
    ['record_id', 'uuid'],
    ['version', 'int'],
    ['operation', 'text'],
    ['changes', 'json text'],
    ['state', 'json text'],
    ['reason', 'text'],
    ['actor', 'text'],
    ['created_at', 'timestamptz'],
    ['prev_hash', 'text'],
    ['hash', 'text'],
  ]),
});

type Tables = ReturnType<typeof tables>;

/**
 * Appends a record's history as RecordWriter would have written it, one step at a time: each revision's changes
 * are the diff from the state before, its hash covers it and the previous hash. Returns the record's version
 * and when it was last written.
 */
function appendHistory(rows: Tables, recordType: RecordType, recordId: string, steps: Step[]): { version: number; updatedAt: Date } {
  let before: RecordState | null = null;
  let prevHash: string | null = null;
  steps.forEach((step, i) => {
    const revision = {
      recordType,
      recordId,
      version: i + 1,
      operation: step.operation,
      changes: diffStates(before, step.state),
      state: step.state,
      reason: step.reason,
      actor: step.actor,
      actorUserId: null,
      requestId: null,
      createdAt: step.createdAt,
      prevHash,
    };
    // Written once, as canonical JSON: the hash covers that text, and jsonb reads the same text.
    const serialized = { changes: canonicalJson(revision.changes), state: canonicalJson(step.state) };
    const hash = revisionHash(revision, serialized);
    rows.revisions.add({
      record_type: recordType,
      record_id: recordId,
      version: revision.version,
      operation: step.operation,
      changes: serialized.changes,
      state: serialized.state,
      reason: step.reason,
      actor: step.actor,
      created_at: step.createdAt,
      prev_hash: prevHash,
      hash,
    });
    before = step.state;
    prevHash = hash;
  });
  return { version: steps.length, updatedAt: steps.at(-1)!.createdAt };
}

/** The review workflow's steps to a final status, as submitForReview and review write them (invariant 6 holds: the reviewer is not the importer). */
function reviewSteps<S extends RecordState & { status: ReviewStatus }>(created: S, createdAt: Date, status: FinalStatus): Step[] {
  const steps: Step[] = [{ operation: RevisionOperation.CREATE, state: created, reason: IMPORT_REASON, actor: IMPORT_ACTOR, createdAt }];
  const to = (next: ReviewStatus, actor: string, reason: string, after: number) =>
    steps.push({
      operation: RevisionOperation.REVIEW,
      state: { ...created, status: next },
      reason,
      actor,
      createdAt: new Date(createdAt.getTime() + after),
    });
  if (status === ReviewStatus.DRAFT) return steps;
  to(ReviewStatus.IN_REVIEW, IMPORT_ACTOR, SUBMIT_COMMENT, HOUR);
  if (status === ReviewStatus.IN_REVIEW) return steps;
  to(ReviewStatus.VERIFIED, IMPORT_REVIEWER, VERIFY_COMMENT, 24 * HOUR);
  if (status === ReviewStatus.RETRACTED) to(ReviewStatus.RETRACTED, IMPORT_REVIEWER, RETRACT_COMMENT, 30 * 24 * HOUR);
  return steps;
}

function addEvidence(
  rows: Tables,
  text: string,
  sourceRevisionId: string,
  owner: { claimId: string | null; eventId: string | null },
  quote: GeneratedQuote,
): void {
  // The API's own check: the positions must hold the quote, or the load stops (invariant 4).
  const selector = anchorSelector(text, { exact: quote.exact, start: quote.start, end: quote.end });
  const state: EvidenceState = {
    ...owner,
    sourceRevisionId,
    selector,
    anchorStatus: AnchorStatus.ANCHORED,
    verifiedQuote: null,
    deletedAt: null,
    deleteReason: null,
  };
  const { version, updatedAt } = appendHistory(rows, RecordType.EVIDENCE, quote.id, [
    { operation: RevisionOperation.CREATE, state, reason: IMPORT_REASON, actor: IMPORT_ACTOR, createdAt: quote.createdAt },
  ]);
  rows.evidence.add({ id: quote.id, version, createdAt: quote.createdAt, updatedAt }, state);
}

function addEvent(rows: Tables, bundle: SourceBundle, event: GeneratedEvent): void {
  const created: EventState = {
    ...EventRecord.empty(),
    ...event.fields,
    status: ReviewStatus.DRAFT,
    reReviewPendingSince: null,
    proposal: null,
    corroboratesId: null,
    participants: event.participants,
    deletedAt: null,
    deleteReason: null,
  };
  const { version, updatedAt } = appendHistory(rows, RecordType.EVENT, event.id, reviewSteps(created, event.createdAt, event.status));
  rows.events.add({ id: event.id, version, createdAt: event.createdAt, updatedAt }, { ...created, status: event.status });
  for (const quote of event.evidence)
    addEvidence(rows, bundle.source.text, bundle.source.textRevisionId, { claimId: null, eventId: event.id }, quote);
}

function addClaim(rows: Tables, bundle: SourceBundle, claim: GeneratedClaim): void {
  const created: ClaimState = {
    ...ClaimRecord.empty(),
    ...claim.fields,
    status: ReviewStatus.DRAFT,
    reReviewPendingSince: null,
    proposal: null,
    corroboratesId: null,
    eventIds: claim.eventIds,
    entityIds: claim.entityIds,
    links: claim.links,
    deletedAt: null,
    deleteReason: null,
  };
  const { version, updatedAt } = appendHistory(rows, RecordType.CLAIM, claim.id, reviewSteps(created, claim.createdAt, claim.status));
  rows.claims.add({ id: claim.id, version, createdAt: claim.createdAt, updatedAt }, { ...created, status: claim.status });
  for (const quote of claim.evidence)
    addEvidence(rows, bundle.source.text, bundle.source.textRevisionId, { claimId: claim.id, eventId: null }, quote);
}

function addSource(rows: Tables, bundle: SourceBundle): void {
  const { source } = bundle;
  const sha256 = sha256Hex(source.text);
  const state: SourceState = {
    ...SourceRecord.empty(),
    ...source.fields,
    storyId: null,
    reprintOfId: null,
    textRevision: { id: source.textRevisionId, number: 1, sha256 },
    deletedAt: null,
    deleteReason: null,
  };
  const { version, updatedAt } = appendHistory(rows, RecordType.SOURCE, source.id, [
    { operation: RevisionOperation.CREATE, state, reason: IMPORT_REASON, actor: IMPORT_ACTOR, createdAt: source.createdAt },
  ]);
  rows.sources.add({ id: source.id, version, createdAt: source.createdAt, updatedAt }, state);
  rows.sourceRevisions.add({
    id: source.textRevisionId,
    source_id: source.id,
    number: 1,
    text: source.text,
    sha256,
    reason: IMPORT_REASON,
    actor: IMPORT_ACTOR,
    created_at: source.createdAt,
  });
}

/** A batch's COPYs, tables in the order their foreign keys (and the anchor trigger, which reads the text) need. */
function batchPayloads(rows: Tables): CopyPayload[] {
  return [
    ...rows.entities.tables,
    ...rows.sources.tables,
    rows.sourceRevisions,
    ...rows.events.tables,
    ...rows.claims.tables,
    ...rows.evidence.tables,
    rows.revisions,
  ].flatMap((table) => copyPayload(table.table, table.columns, table.rows) ?? []);
}

/** PostgreSQL's lock_not_available: the partition upkeep gave up waiting for the log's lock. */
const LOCK_NOT_AVAILABLE = '55P03';

/**
 * One batch in one transaction, into a revision log with partitions made ahead of it: a load writes faster than
 * the servers' hourly upkeep makes them, and may run where no server runs it at all. Making one waits at most a
 * second for the other writer's COPY into the log; when it gives up, the two widths still kept ahead outlast the
 * batch, and the next batch makes it.
 */
export async function writeBatch(client: pg.ClientBase, payloads: CopyPayload[]): Promise<void> {
  await client.query('SELECT ensure_revision_partitions()').catch((error: { code?: string }) => {
    if (error.code !== LOCK_NOT_AVAILABLE) throw error;
  });
  await client.query('BEGIN');
  try {
    for (const payload of payloads) await copyIn(client, payload);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK');
    throw error;
  }
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Loads a generated corpus in bulk, and still as the one write path would have left it (invariant 1): every
 * record with a CREATE revision whose state and changes are what RecordWriter writes, review steps as revisions
 * of their own, each chain hashed and linked, and every quote anchored by the API's own check (the database's
 * anchor trigger checks again, row by row or, with `ownerUrl`, in one statement over every row after the load).
 * Records are written with COPY a batch of sources at a time, each batch one transaction, on two connections at
 * once while the next batch is being made.
 */
export async function bulkLoad(dataSource: DataSource, corpus: Corpus, options: BulkLoadOptions = {}): Promise<LoadCounts> {
  const sourcesPerBatch = options.sourcesPerBatch ?? 50;
  const counts: LoadCounts = { entities: 0, sources: 0, events: 0, claims: 0, evidence: 0, revisions: 0 };
  const runners: QueryRunner[] = [];
  const writers: Array<{ client: pg.ClientBase; writing: Promise<void> }> = [];
  for (let i = 0; i < WRITERS; i++) {
    const runner = dataSource.createQueryRunner();
    runners.push(runner);
    const client = (await runner.connect()) as pg.ClientBase;
    // A load that fails is run again from the start: its commits need not wait for the disk.
    await client.query('SET synchronous_commit = off');
    writers.push({ client, writing: Promise.resolve() });
  }
  const shapes: Shapes = {
    entities: EntityKindRecord.bulk(dataSource.manager),
    sources: SourceRecord.bulk(dataSource.manager),
    claims: ClaimRecord.bulk(dataSource.manager),
    events: EventRecord.bulk(dataSource.manager),
    evidence: EvidenceRecord.bulk(dataSource.manager),
  };
  let turn = 0;
  const flush = async (rows: Tables) => {
    const writer = writers[turn++ % writers.length]!;
    await writer.writing;
    const payloads = batchPayloads(rows);
    options.capture?.push(payloads);
    writer.writing = writeBatch(writer.client, payloads).then(() => {
      counts.entities += rows.entities.row.count;
      counts.sources += rows.sources.row.count;
      counts.events += rows.events.row.count;
      counts.claims += rows.claims.row.count;
      counts.evidence += rows.evidence.row.count;
      counts.revisions += rows.revisions.count;
      options.onBatch?.(counts);
    });
    // Surfaced when the writer is next used or at the end; without a handler meanwhile, Node would call it unhandled.
    writer.writing.catch(() => undefined);
  };
  const drain = () => Promise.all(writers.map((writer) => writer.writing));
  let aside: SetAside | null = null;
  try {
    if (options.ownerUrl) aside = await setAside(options.ownerUrl);
    for (let from = 0; from < corpus.entities.length; from += ENTITIES_PER_BATCH) {
      const rows = tables(shapes);
      for (const entity of corpus.entities.slice(from, from + ENTITIES_PER_BATCH)) {
        const state: EntityState = {
          ...EntityKindRecord.empty(),
          ...entity.fields,
          mergedIntoId: null,
          deletedAt: null,
          deleteReason: null,
        };
        appendHistory(rows, RecordType.ENTITY, entity.id, [
          { operation: RevisionOperation.CREATE, state, reason: IMPORT_REASON, actor: IMPORT_ACTOR, createdAt: entity.createdAt },
        ]);
        rows.entities.add({ id: entity.id, version: 1, createdAt: entity.createdAt, updatedAt: entity.createdAt }, state);
      }
      await flush(rows);
    }
    // Every source names entities: they must be in before the sources' batches run beside each other.
    await drain();
    let rows = tables(shapes);
    let sources = 0;
    let slice = performance.now();
    for (const bundle of corpus.bundles()) {
      addSource(rows, bundle);
      for (const event of bundle.events) addEvent(rows, bundle, event);
      for (const claim of bundle.claims) addClaim(rows, bundle, claim);
      if (++sources % sourcesPerBatch === 0) {
        await flush(rows);
        rows = tables(shapes);
      }
      if (performance.now() - slice > YIELD_EVERY_MS) {
        await yieldToEventLoop();
        slice = performance.now();
      }
    }
    await flush(rows);
    await drain();
    if (aside) {
      const restoring = aside;
      aside = null;
      counts.restoreSeconds = (await restoring.restore()).seconds;
    }
  } finally {
    await Promise.allSettled(writers.map((writer) => writer.writing));
    for (const runner of runners) {
      await runner.query('RESET synchronous_commit');
      await runner.release();
    }
    // A load that failed leaves the schema as it found it.
    if (aside) await aside.restore().catch(() => undefined);
  }
  return counts;
}
