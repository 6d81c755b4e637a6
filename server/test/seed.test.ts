import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { sliceCodePoints } from '../src/core/anchoring/text-quote.js';
import { verifyRecordChain } from '../src/core/revisions/chain.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { RevisionOperation } from '../src/core/revisions/revisions.enums.js';
import { Attribution, ClaimModality } from '../src/modules/claims/claims.enums.js';
import { seedsDir } from '../src/paths.js';
import { seedAll, SeedError } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const TABLES = [
  'sources',
  'source_revisions',
  'event_types',
  'entities',
  'events',
  'event_participants',
  'claims',
  'claim_events',
  'claim_entities',
  'claim_links',
  'evidence',
  'revisions',
];

async function countRows(db: TestDatabase): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of TABLES) {
    const [row] = (await db.dataSource.query(`SELECT count(*)::int AS n FROM "${table}"`)) as Array<{ n: number }>;
    counts[table] = row!.n;
  }
  return counts;
}

describe('seeds', () => {
  let db: TestDatabase;
  let firstRun: Awaited<ReturnType<typeof seedAll>>;

  beforeAll(async () => {
    db = await createTestDatabase();
    firstRun = await seedAll(db.dataSource);
  });
  afterAll(() => db.drop());

  it('curate at least 20 entities with aliases, 12 events and 15 claims from the article', async () => {
    const counts = await countRows(db);
    expect(counts.sources).toBe(1);
    expect(counts.entities).toBeGreaterThanOrEqual(20);
    expect(counts.events).toBeGreaterThanOrEqual(12);
    expect(counts.claims).toBeGreaterThanOrEqual(15);
    const aliases = (await db.dataSource.query(`SELECT name, aliases FROM entities`)) as Array<{ name: string; aliases: string[] }>;
    const namesOf = (alias: string) => aliases.filter((e) => e.aliases.includes(alias) || e.name === alias).map((e) => e.name);
    expect(namesOf('SAC')).toHaveLength(1);
    expect(namesOf('the junta')).toEqual(namesOf('SAC'));
    expect(namesOf('Tatmadaw')).toHaveLength(1);
    expect(namesOf("Myanmar's armed forces")).toEqual(namesOf('Tatmadaw'));
  });

  it('use every attribution and modality, and an unnamed claimant', async () => {
    const rows = (await db.dataSource.query(`SELECT attribution, modality, claimant_label FROM claims`)) as Array<{
      attribution: string;
      modality: string;
      claimant_label: string | null;
    }>;
    expect(new Set(rows.map((r) => r.attribution))).toEqual(new Set(Object.values(Attribution)));
    expect(new Set(rows.map((r) => r.modality))).toEqual(new Set(Object.values(ClaimModality)));
    expect(rows.map((r) => r.claimant_label)).toContain('a presidential aide');
  });

  it('record the inferred publication date at its precision, with how it was inferred', async () => {
    const [source] = (await db.dataSource.query(
      `SELECT published_at::text, published_precision, published_basis, published_note FROM sources`,
    )) as Array<Record<string, string>>;
    expect(source).toMatchObject({ published_at: '2022-09-01', published_precision: 'MONTH', published_basis: 'INFERRED_FROM_CONTENT' });
    expect(source!.published_note).toContain('last week');
  });

  it('keep the article as published, furniture and repeated paragraph included', async () => {
    const [revision] = (await db.dataSource.query(`SELECT text FROM source_revisions`)) as Array<{ text: string }>;
    const original = fs.readFileSync(path.join(seedsDir, '000_644cae95aa9a28a1.txt'), 'utf8');
    expect(revision!.text).toBe(original);
    expect(revision!.text).toContain('Comments are closed.');
    expect(revision!.text.split('According to a presidential aide').length - 1).toBe(2);
  });

  it('anchor every evidence: the text between start and end is its exact quote', async () => {
    const rows = (await db.dataSource.query(
      `SELECT e.exact, e.prefix, e.suffix, e.start_pos, e.end_pos, e.anchor_status, r.text
         FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id`,
    )) as Array<{ exact: string; prefix: string; suffix: string; start_pos: number; end_pos: number; anchor_status: string; text: string }>;
    expect(rows.length).toBeGreaterThanOrEqual(27);
    for (const row of rows) {
      expect(row.anchor_status).toBe('ANCHORED');
      expect(sliceCodePoints(row.text, row.start_pos, row.end_pos)).toBe(row.exact);
      expect(row.text.slice(row.start_pos, row.end_pos)).toBe(row.exact);
      expect(row.text.slice(0, row.start_pos).endsWith(row.prefix)).toBe(true);
      expect(row.text.slice(row.end_pos).startsWith(row.suffix)).toBe(true);
    }
  });

  it('anchor quotes from the repeated paragraph to one printing, never both', async () => {
    const rows = (await db.dataSource.query(
      `SELECT e.start_pos, r.text FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id WHERE e.exact LIKE 'According to a presidential aide%'`,
    )) as Array<{ start_pos: number; text: string }>;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.start_pos).toBe(row.text.indexOf('According to a presidential aide'));
  });

  it('give every seeded record exactly one CREATE revision, by the seed run, whose chain verifies', async () => {
    const revisions = await db.dataSource.manager.find(Revision, { order: { recordId: 'ASC', version: 'ASC' } });
    const byRecord = new Map<string, Revision[]>();
    for (const revision of revisions) byRecord.set(revision.recordId, [...(byRecord.get(revision.recordId) ?? []), revision]);
    const counts = await countRows(db);
    expect(byRecord.size).toBe(
      counts.sources! + counts.event_types! + counts.entities! + counts.events! + counts.claims! + counts.evidence!,
    );
    for (const [, history] of byRecord) {
      expect(history.filter((r) => r.operation === RevisionOperation.CREATE)).toHaveLength(1);
      expect(history[0]).toMatchObject({ operation: RevisionOperation.CREATE, version: 1, actor: 'seed:curated.yaml' });
      for (const later of history.slice(1)) expect(later.operation).toBe(RevisionOperation.REVIEW);
      expect(verifyRecordChain(history)).toBeNull();
    }
  });

  it('send claims and events through review as the file says, each decision by a reviewer other than the curator', async () => {
    const statuses = (await db.dataSource.query(
      `SELECT status, count(*)::int AS n FROM (SELECT status FROM claims UNION ALL SELECT status FROM events) s GROUP BY status ORDER BY status`,
    )) as Array<{ status: string; n: number }>;
    expect(statuses.map((s) => s.status)).toEqual(['DISPUTED', 'DRAFT', 'IN_REVIEW', 'VERIFIED']);
    const decisions = (await db.dataSource.query(
      `SELECT actor, reason FROM revisions WHERE operation = 'REVIEW' AND state->>'status' <> 'IN_REVIEW'`,
    )) as Array<{ actor: string; reason: string }>;
    expect(decisions.length).toBeGreaterThan(0);
    for (const decision of decisions) {
      expect(decision.actor).toBe('seed-review:curated.yaml');
      expect(decision.reason.length).toBeGreaterThan(10);
    }
  });

  it('add nothing when run again', async () => {
    const before = await countRows(db);
    const again = await seedAll(db.dataSource);
    expect(again).toEqual({ created: 0, present: firstRun.created });
    expect(await countRows(db)).toEqual(before);
  });

  it('stop, naming the quote, when evidence does not anchor, and write nothing', async () => {
    const empty = await createTestDatabase();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'seeds-'));
    try {
      fs.copyFileSync(path.join(seedsDir, '000_644cae95aa9a28a1.txt'), path.join(dir, '000_644cae95aa9a28a1.txt'));
      const yaml = fs.readFileSync(path.join(seedsDir, 'curated.yaml'), 'utf8');
      // One quote that is nowhere in the text, and one from the repeated paragraph stripped of its suffix.
      const broken = yaml
        .replace('exact: "coup leader"', 'exact: "coup leaders of old"')
        .replace(/\n\s*suffix: "\\n\\nA month earlier"/, '');
      expect(broken).not.toBe(yaml);
      fs.writeFileSync(path.join(dir, 'curated.yaml'), broken);
      const failure = seedAll(empty.dataSource, dir);
      await expect(failure).rejects.toBeInstanceOf(SeedError);
      await expect(failure).rejects.toThrow(/"coup leaders of old" is not in the text/);
      await expect(failure).rejects.toThrow(/occurs 2 times; add a prefix or suffix/);
      expect(Object.values(await countRows(empty)).every((n) => n === 0)).toBe(true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
      await empty.drop();
    }
  });
});
