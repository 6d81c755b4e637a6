import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import {
  bulkLoad,
  IMPORT_ACTOR,
  IMPORT_REASON,
  IMPORT_REVIEWER,
  RETRACT_COMMENT,
  SUBMIT_COMMENT,
  VERIFY_COMMENT,
} from '../bench/corpus/bulk-load.js';
import { type Corpus, type CorpusSize, generateCorpus } from '../bench/corpus/generate.js';
import { setAside } from '../bench/corpus/set-aside.js';
import { ReviewStatus } from '../src/core/review/status.js';
import { ReviewDecision } from '../src/core/review/workflow.js';
import { replayChanges } from '../src/core/revisions/diff.js';
import type { WriteContext } from '../src/core/revisions/record-writer.js';
import type { RecordType } from '../src/core/revisions/revisions.enums.js';
import { ClaimsService } from '../src/modules/claims/claims.service.js';
import { EntitiesService } from '../src/modules/entities/entities.service.js';
import { EventsService } from '../src/modules/events/events.service.js';
import { EvidenceService } from '../src/modules/evidence/evidence.service.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { RECORDS } from '../src/modules/records.js';
import { reopenAfterEvidenceChange, ReviewService } from '../src/modules/review/review.service.js';
import { SourcesService } from '../src/modules/sources/sources.service.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const SIZE: CorpusSize = { sources: 3, claims: 30, events: 8, entities: 60 };

interface StoredRevision {
  record_type: RecordType;
  record_id: string;
  version: number;
  operation: string;
  changes: Record<string, unknown>;
  state: Record<string, unknown>;
  reason: string | null;
  actor: string;
}

const importedRevisions = async (db: TestDatabase) =>
  (await db.dataSource.query(
    `SELECT record_type, record_id, version, operation, changes, state, reason, actor FROM revisions
      WHERE actor IN ($1, $2) ORDER BY record_type, record_id, version`,
    [IMPORT_ACTOR, IMPORT_REVIEWER],
  )) as StoredRevision[];

/** The same corpus written the slow way, through the services an editor's and a reviewer's requests go through. */
async function writeThroughServices(db: TestDatabase, corpus: Corpus): Promise<void> {
  const { dataSource } = db;
  const evidence = new EvidenceService(dataSource, reopenAfterEvidenceChange);
  const services = {
    sources: new SourcesService(dataSource),
    entities: new EntitiesService(dataSource),
    events: new EventsService(dataSource, evidence),
    claims: new ClaimsService(dataSource, evidence),
    evidence,
    review: new ReviewService(dataSource),
  };
  const editor: WriteContext = { actor: IMPORT_ACTOR, actorUserId: null, requestId: null };
  const reviewer: WriteContext = { actor: IMPORT_REVIEWER, actorUserId: null, requestId: null };
  const reason = IMPORT_REASON;
  const review = async (id: string, status: ReviewStatus) => {
    if (status === ReviewStatus.DRAFT) return;
    await services.review.submit(editor, { id, expectedVersion: 1, comment: SUBMIT_COMMENT });
    if (status === ReviewStatus.IN_REVIEW) return;
    await services.review.review(reviewer, { id, expectedVersion: 2, decision: ReviewDecision.VERIFY, comment: VERIFY_COMMENT });
    if (status === ReviewStatus.RETRACTED)
      await services.review.review(reviewer, { id, expectedVersion: 3, decision: ReviewDecision.RETRACT, comment: RETRACT_COMMENT });
  };
  for (const entity of corpus.entities) await services.entities.create(editor, { id: entity.id, ...entity.fields, reason });
  for (const { source, events, claims } of corpus.bundles()) {
    await services.sources.create(editor, { id: source.id, text: source.text, ...source.fields, reason });
    for (const event of events) {
      const { typeCode, startDate, startPrecision, endDate, endPrecision, ...fields } = event.fields;
      await services.events.create(editor, {
        id: event.id,
        ...fields,
        type: typeCode,
        start: startDate && startPrecision ? { date: startDate, precision: startPrecision } : null,
        end: endDate && endPrecision ? { date: endDate, precision: endPrecision } : null,
        participants: event.participants,
        reason,
      });
      for (const quote of event.evidence) {
        await services.evidence.create(editor, {
          id: quote.id,
          eventId: event.id,
          sourceId: source.id,
          selector: { exact: quote.exact, start: quote.start, end: quote.end },
          reason,
        });
      }
      await review(event.id, event.status);
    }
    for (const claim of claims) {
      await services.claims.create(editor, {
        id: claim.id,
        ...claim.fields,
        eventIds: claim.eventIds,
        entityIds: claim.entityIds,
        links: claim.links,
        reason,
      });
      for (const quote of claim.evidence) {
        await services.evidence.create(editor, {
          id: quote.id,
          claimId: claim.id,
          sourceId: source.id,
          selector: { exact: quote.exact, start: quote.start, end: quote.end },
          reason,
        });
      }
      await review(claim.id, claim.status);
    }
  }
}

describe('the benchmark corpus and its bulk loader', () => {
  let bulk: TestDatabase;
  let services: TestDatabase;

  beforeAll(async () => {
    [bulk, services] = await Promise.all([createTestDatabase(), createTestDatabase()]);
    await Promise.all([seedAll(bulk.dataSource), seedAll(services.dataSource)]);
    await bulkLoad(bulk.dataSource, generateCorpus(SIZE), { sourcesPerBatch: 2, ownerUrl: bulk.url });
    await writeThroughServices(services, generateCorpus(SIZE));
  }, 120_000);

  afterAll(async () => {
    await Promise.all([bulk?.drop(), services?.drop()]);
  });

  it('is the same corpus for the same size and seed', () => {
    const first = generateCorpus(SIZE);
    const second = generateCorpus(SIZE);
    expect([...second.bundles()]).toEqual([...first.bundles()]);
    expect(second.entities).toEqual(first.entities);
  });

  it('has sources of article length, mostly verified records, and evidence for every claim and event', () => {
    const bundles = [...generateCorpus(SIZE).bundles()];
    expect(bundles).toHaveLength(SIZE.sources);
    expect(bundles.reduce((n, b) => n + b.claims.length, 0)).toBe(SIZE.claims);
    expect(bundles.reduce((n, b) => n + b.events.length, 0)).toBe(SIZE.events);
    for (const { source, claims, events } of bundles) {
      expect(source.text.length).toBeGreaterThan(3000);
      for (const record of [...claims, ...events]) expect(record.evidence.length).toBeGreaterThan(0);
    }
    const big = [...generateCorpus({ sources: 20, claims: 2000, events: 200, entities: 200 }).bundles()].flatMap((b) => b.claims);
    expect(big.filter((claim) => claim.status === ReviewStatus.VERIFIED).length / big.length).toBeGreaterThan(0.8);
  });

  it('writes exactly the revisions the services write, review steps included', async () => {
    const fromBulk = await importedRevisions(bulk);
    const fromServices = await importedRevisions(services);
    // Only the ids of text snapshots differ: the services draw their own.
    const snapshotIds = new Map<string, string>();
    for (const revision of fromServices.filter((r) => r.record_type === 'Source')) {
      const twin = fromBulk.find((r) => r.record_type === 'Source' && r.record_id === revision.record_id)!;
      snapshotIds.set((revision.state.textRevision as { id: string }).id, (twin.state.textRevision as { id: string }).id);
    }
    const renamed = JSON.parse(
      JSON.stringify(fromServices).replace(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
        (id) => snapshotIds.get(id) ?? id,
      ),
    );
    expect(fromBulk.length).toBeGreaterThan(SIZE.claims + SIZE.events + SIZE.entities + SIZE.sources);
    expect(fromBulk).toEqual(renamed);
  });

  it('leaves every chain verifiable, and every record as replaying its revisions gives it', async () => {
    const report = await new HistoryService(bulk.dataSource).verifyChains();
    expect(report.firstBreak).toBeNull();
    const revisions = await importedRevisions(bulk);
    const byRecord = new Map<string, StoredRevision[]>();
    for (const revision of revisions)
      byRecord.set(`${revision.record_type}/${revision.record_id}`, [
        ...(byRecord.get(`${revision.record_type}/${revision.record_id}`) ?? []),
        revision,
      ]);
    for (const history of byRecord.values()) {
      const last = history.at(-1)!;
      const current = await RECORDS[last.record_type].loadState(bulk.dataSource.manager, last.record_id);
      expect(current).toEqual(last.state);
      expect(replayChanges(history.map((revision) => revision.changes as never))).toEqual(last.state);
    }
    const [versions] = (await bulk.dataSource.query(
      `SELECT count(*)::int AS wrong FROM claims c WHERE c.version <> (SELECT max(version) FROM revisions r WHERE r.record_type = 'Claim' AND r.record_id = c.id)`,
    )) as Array<{ wrong: number }>;
    expect(versions!.wrong).toBe(0);
  });

  it('refuses a quote that is not at its positions, and writes nothing of its batch', async () => {
    const corpus = generateCorpus({ sources: 1, claims: 3, events: 1, entities: 10 }, 99);
    const bundles = [...corpus.bundles()];
    const quote = bundles[0]!.claims[1]!.evidence[0]!;
    quote.exact = `${quote.exact.slice(0, -3)}xyz`;
    const broken = {
      ...corpus,
      entities: [],
      bundles: function* () {
        yield* bundles;
      },
    };
    await expect(bulkLoad(bulk.dataSource, broken)).rejects.toThrow(/is not the text between/);
    const [left] = (await bulk.dataSource.query('SELECT count(*)::int AS n FROM claims WHERE id = $1', [
      bundles[0]!.claims[0]!.id,
    ])) as Array<{ n: number }>;
    expect(left!.n).toBe(0);
  });

  it('checks every anchor the trigger did not see, in one statement after the load, and restores nothing until they hold', async () => {
    // Every schema's, the revision log's partitions included: a rebuild that reaches only a partitioned parent
    // leaves the log unindexed where it is read.
    const indexes = async () =>
      (
        (await bulk.owner.query(
          `SELECT n.nspname || '.' || c.relname || CASE WHEN i.indisvalid THEN '' ELSE ' (invalid)' END AS name
             FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname NOT IN ('pg_catalog', 'pg_toast', 'information_schema') ORDER BY 1`,
        )) as Array<{ name: string }>
      ).map((row) => row.name);
    const indexed = await indexes();
    expect(indexed.filter((name) => name.endsWith('(invalid)'))).toEqual([]);
    expect(indexed.filter((name) => name.startsWith('revision_partitions.revisions_000000000000')).length).toBe(
      indexed.filter((name) => /^public\."?(PK_4aa9ee2c71c50508c3c501573c9|IDX_revisions_)/.test(name)).length,
    );
    const aside = await setAside(bulk.url);
    expect((await indexes()).length).toBeLessThan(indexed.length);
    const [evidence] = (await bulk.owner.query(`SELECT id, exact FROM evidence WHERE anchor_status = 'ANCHORED' LIMIT 1`)) as Array<{
      id: string;
      exact: string;
    }>;
    // What a loader that skipped the API's own check would write: the trigger, set aside, lets it in.
    const misquote = `UPDATE evidence SET exact = left(exact, -1) || CASE WHEN right(exact, 1) = 'x' THEN 'y' ELSE 'x' END WHERE id = $1`;
    await bulk.owner.query(misquote, [evidence!.id]);
    await expect(aside.restore()).rejects.toThrow(new RegExp(`not its exact quote: ${evidence!.id}`));
    expect((await indexes()).length).toBeLessThan(indexed.length);
    await bulk.owner.query(`UPDATE evidence SET exact = $2 WHERE id = $1`, [evidence!.id, evidence!.exact]);
    await aside.restore();
    expect(await indexes()).toEqual(indexed);
    await expect(bulk.owner.query(misquote, [evidence!.id])).rejects.toThrow(/is not its exact quote/);
  });
});
