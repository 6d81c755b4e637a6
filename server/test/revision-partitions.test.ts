import { randomUUID } from 'node:crypto';

import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { PartitionedRevisions1796980000000, REVISION_PARTITION_WIDTH } from '../../migrations/1796980000000-PartitionedRevisions.js';
import { migrations } from '../../migrations/index.js';
import { bulkLoad } from '../bench/corpus/bulk-load.js';
import { generateCorpus } from '../bench/corpus/generate.js';
import { migrateJobQueue } from '../src/db/job-queue.js';
import { ensureRevisionPartitions } from '../src/db/revision-partitions.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { ImportBatchesService } from '../src/modules/ingest/import-batches.service.js';
import { ImportItemStatus } from '../src/modules/ingest/import-batches.types.js';
import { SourceKind } from '../src/modules/sources/sources.enums.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { graphqlClient } from './support/graphql.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const UPDATE_ENTITY = `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`;

describe('the revision log, partitioned by log position', () => {
  let db: TestDatabase;
  let server: TestServer;
  let cookie: string;

  const partitions = async () =>
    (
      (await db.owner.query(
        `SELECT c.relnamespace::regnamespace::text || '.' || c.relname AS name, pg_get_expr(c.relpartbound, c.oid) AS bound
           FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'revisions'::regclass ORDER BY c.relname`,
      )) as Array<{ name: string; bound: string }>
    ).map((partition) => partition.name);
  /** Moves the log's identity so that the next revision's id is `next`, as if that many had been written. */
  const positionAt = (next: number) => db.owner.query(`SELECT setval(pg_get_serial_sequence('revisions', 'id'), $1)`, [next - 1]);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
    cookie = await signIn(server, await createEditor(db.dataSource));
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('keeps partitions made ahead of the log, for at least two widths past its position', async () => {
    const width = REVISION_PARTITION_WIDTH;
    expect(await partitions()).toEqual([0, 1, 2].map((n) => `revision_partitions.revisions_${String(n * width).padStart(12, '0')}`));
    expect(await ensureRevisionPartitions(db.dataSource)).toBe(0);
    await positionAt(width + 10);
    expect(await ensureRevisionPartitions(db.dataSource)).toBe(1);
    expect((await partitions()).at(-1)).toBe(`revision_partitions.revisions_${String(3 * width).padStart(12, '0')}`);
  });

  it('chains, checks and reads a record as it was across a partition boundary, and refuses to rewrite the new partition', async () => {
    const boundary = 2 * REVISION_PARTITION_WIDTH;
    await positionAt(boundary - 2);
    const { body } = await server.post(
      {
        query: `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`,
        variables: { input: { name: 'Written across a boundary', kind: 'OTHER', description: 'v1' } },
      },
      { cookie },
    );
    const { id } = body.data.createEntity;
    for (let version = 1; version < 5; version++) {
      const updated = await server.post(
        { query: UPDATE_ENTITY, variables: { input: { id, expectedVersion: version, description: `v${version + 1}` } } },
        { cookie },
      );
      expect(updated.body.data.updateEntity.version).toBe(version + 1);
    }
    const rows = (await db.owner.query(
      `SELECT id::int, version, tableoid::regclass::text AS partition, created_at AS "createdAt" FROM revisions WHERE record_id = $1 ORDER BY version`,
      [id],
    )) as Array<{ id: number; version: number; partition: string; createdAt: Date }>;
    const before = `revision_partitions.revisions_${String(REVISION_PARTITION_WIDTH).padStart(12, '0')}`;
    const after = `revision_partitions.revisions_${String(boundary).padStart(12, '0')}`;
    expect(rows.map(({ id: position, partition }) => [position, partition])).toEqual([
      [boundary - 2, before],
      [boundary - 1, before],
      [boundary, after],
      [boundary + 1, after],
      [boundary + 2, after],
    ]);

    const check = await server.post({ query: `{ verifyRevisionChain { records revisions problems { __typename } } }` }, { cookie });
    expect(check.body.data.verifyRevisionChain.problems).toEqual([]);
    expect(check.body.data.verifyRevisionChain.revisions).toBeGreaterThan(5);

    const asOf = async (at: Date) =>
      (
        await server.post(
          { query: `query($id: ID!, $at: DateTimeISO) { entity(id: $id, asOf: $at) { version description } }`, variables: { id, at } },
          { cookie },
        )
      ).body.data.entity;
    expect(await asOf(rows[1]!.createdAt)).toEqual({ version: 2, description: 'v2' });
    expect(await asOf(rows[3]!.createdAt)).toEqual({ version: 4, description: 'v4' });

    await expect(db.owner.query(`UPDATE revisions SET reason = 'rewritten' WHERE id = $1`, [boundary + 1])).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`DELETE FROM ${after} WHERE id = $1`, [boundary + 1])).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`TRUNCATE ${after}`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`UPDATE revisions SET reason = 'rewritten' WHERE id = $1`, [boundary + 1])).rejects.toThrow(
      /permission denied/,
    );
    await expect(db.dataSource.query(`DELETE FROM ${after}`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`SELECT count(*) FROM ${after}`)).rejects.toThrow(/permission denied/);
  });

  it('refuses to rewrite a partition made later, by the server, as much as the first', async () => {
    await positionAt(5 * REVISION_PARTITION_WIDTH);
    expect(await ensureRevisionPartitions(db.dataSource)).toBeGreaterThan(0);
    const newest = (await partitions()).at(-1)!;
    await expect(db.owner.query(`TRUNCATE ${newest}`)).rejects.toThrow(/append-only/);
    await expect(db.dataSource.query(`TRUNCATE ${newest}`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`INSERT INTO ${newest} SELECT * FROM revisions LIMIT 0`)).rejects.toThrow(/permission denied/);
  });

  /** A revision of a record no table holds, enough for the log's own checks: the unique guard is what is tried. */
  const insertRevision = (client: { query(sql: string, values: unknown[]): Promise<unknown> }, recordId: string, version: number) =>
    client.query(
      `INSERT INTO revisions (record_type, record_id, version, operation, changes, state, actor, created_at, prev_hash, hash)
       VALUES ('Entity', $1, $2, 'UPDATE', '{}', '{}', 'test', now(), CASE WHEN $2 = 1 THEN NULL ELSE repeat('a', 64) END, repeat('b', 64))`,
      [recordId, version],
    );

  it('keeps (record type, record id, version) unique in every partition, and never takes a version below the head', async () => {
    const recordId = randomUUID();
    await insertRevision(db.dataSource, recordId, 1);
    await expect(insertRevision(db.dataSource, recordId, 1)).rejects.toMatchObject({
      driverError: { code: '23505', constraint: 'UQ_revisions_record_version' },
    });
    await insertRevision(db.dataSource, recordId, 2);
    await positionAt(6 * REVISION_PARTITION_WIDTH);
    await ensureRevisionPartitions(db.dataSource);
    await expect(insertRevision(db.dataSource, recordId, 2)).rejects.toMatchObject({ driverError: { code: '23505' } });
    await expect(insertRevision(db.dataSource, recordId, 1)).rejects.toMatchObject({ driverError: { code: '23505' } });
    await insertRevision(db.dataSource, recordId, 3);
    const stored = (await db.owner.query(
      `SELECT version, tableoid::regclass::text AS partition FROM revisions WHERE record_id = $1 ORDER BY version`,
      [recordId],
    )) as Array<{ version: number; partition: string }>;
    expect(stored.map((row) => row.version)).toEqual([1, 2, 3]);
    expect(new Set(stored.map((row) => row.partition)).size).toBe(2);
  });

  it('lets only one of two concurrent transactions write a version: the second waits, then is refused, or goes on if the first rolled back', async () => {
    const connect = async () => {
      const client = new pg.Client({ connectionString: db.appUrl });
      await client.connect();
      await client.query('BEGIN');
      return client;
    };
    const [first, second] = await Promise.all([connect(), connect()]);
    try {
      const recordId = randomUUID();
      await insertRevision(first, recordId, 1);
      const [{ pid }] = (await second.query('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
      const racing = insertRevision(second, recordId, 1).then(
        () => 'written',
        (error: { code?: string }) => error.code,
      );
      await waitUntilBlocked(pid);
      await first.query('COMMIT');
      expect(await racing).toBe('23505');
      await second.query('ROLLBACK');

      const retried = randomUUID();
      await first.query('BEGIN');
      await second.query('BEGIN');
      await insertRevision(first, retried, 1);
      const waiting = insertRevision(second, retried, 1).then(
        () => 'written',
        (error: { code?: string }) => error.code,
      );
      await waitUntilBlocked(pid);
      await first.query('ROLLBACK');
      expect(await waiting).toBe('written');
      await second.query('COMMIT');
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });

  /** Until the backend `pid` waits on a lock: the point at which the race is set, whatever the machine's speed. */
  async function waitUntilBlocked(pid: number): Promise<void> {
    for (;;) {
      const [{ waiting }] = (await db.owner.query(`SELECT cardinality(pg_blocking_pids($1)) > 0 AS waiting`, [pid])) as [
        { waiting: boolean },
      ];
      if (waiting) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }
});

describe('the migration to a partitioned log', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
  });
  afterAll(() => db.drop());

  const fingerprint = async () =>
    (await db.owner.query(
      `SELECT count(*)::int AS count, md5(string_agg(r::text, '|' ORDER BY id)) AS rows, max(id)::text AS last FROM revisions r`,
    )) as [{ count: number; rows: string; last: string }];
  const chainProblems = async () => (await new HistoryService(db.dataSource).verifyChains()).problems;

  it('converts a log with its data, back and forth: every row, the chains and the next id kept', async () => {
    const partitioned = await fingerprint();
    // Back to before the partitioning, through every migration that came after it.
    for (let undone = migrations.indexOf(PartitionedRevisions1796980000000); undone < migrations.length; undone++)
      await db.owner.undoLastMigration({ transaction: 'each' });
    expect(await fingerprint()).toEqual(partitioned);
    const [{ kind }] = (await db.owner.query(`SELECT relkind AS kind FROM pg_class WHERE oid = 'revisions'::regclass`)) as [
      { kind: string },
    ];
    expect(kind).toBe('r');
    await db.owner.runMigrations({ transaction: 'each' });
    expect(await fingerprint()).toEqual(partitioned);
    expect(await chainProblems()).toEqual([]);
    const [{ heads }] = (await db.owner.query(`SELECT count(*)::int AS heads FROM revision_heads`)) as [{ heads: number }];
    const [{ records }] = (await db.owner.query(`SELECT count(DISTINCT (record_type, record_id))::int AS records FROM revisions`)) as [
      { records: number },
    ];
    expect(heads).toBe(records);

    const editor = await createEditor(db.dataSource);
    const [entity] = (await db.owner.query(`SELECT id::text, version FROM entities ORDER BY id LIMIT 1`)) as [
      { id: string; version: number },
    ];
    const result = await graphqlClient(db.dataSource)(
      `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`,
      { input: { id: entity.id, expectedVersion: entity.version, description: 'after the migration' } },
      editor.viewer,
    );
    expect(result.errors).toBeUndefined();
    const [{ id }] = (await db.owner.query(`SELECT max(id)::text AS id FROM revisions`)) as [{ id: string }];
    expect(BigInt(id)).toBeGreaterThan(BigInt(partitioned[0].last));
    expect(await chainProblems()).toEqual([]);
  });
});

describe('writers in bulk make the log partitions they are about to fill', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateJobQueue(db.url);
  });
  afterAll(() => db.drop());

  /** Moves the log's position to a few ids before the end of its last partition, as if no upkeep had run since. */
  const nearLastPartitionEnd = async () => {
    const [{ end }] = (await db.owner.query(
      `SELECT max((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''?(\\d+)''?\\)'))[1]::bigint)::int AS end
         FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'revisions'::regclass`,
    )) as [{ end: number }];
    await db.owner.query(`SELECT setval(pg_get_serial_sequence('revisions', 'id'), $1)`, [end - 3]);
    return end;
  };
  const writtenPast = async (end: number) =>
    ((await db.owner.query(`SELECT count(*)::int AS n FROM revisions WHERE id >= $1`, [end])) as [{ n: number }])[0].n;

  it('seeds across the end of the last partition', async () => {
    const end = await nearLastPartitionEnd();
    expect((await seedAll(db.dataSource)).created).toBeGreaterThan(3);
    expect(await writtenPast(end)).toBeGreaterThan(0);
  });

  it('bulk-loads a corpus across the end of the last partition', async () => {
    const end = await nearLastPartitionEnd();
    const counts = await bulkLoad(db.dataSource, generateCorpus({ sources: 3, claims: 20, events: 5, entities: 20 }), {
      sourcesPerBatch: 1,
    });
    expect(counts.revisions).toBeGreaterThan(3);
    // The first two fill the last partition's two free ids.
    expect(await writtenPast(end)).toBe(counts.revisions - 2);
  });

  it('imports a batch’s article across the end of the last partition', async () => {
    const batches = new ImportBatchesService(db.dataSource, 1);
    const context = { actor: 'test', actorUserId: null, requestId: null };
    const batch = await batches.start(context, {
      files: [{ fileName: 'talks.txt', content: 'Officials met in Vientiane on Monday.\n\nThe minister said trade would grow next year.' }],
      language: 'en',
      kind: SourceKind.NEWS_ARTICLE,
    });
    const [item] = await batches.items(batch.id);
    const end = await nearLastPartitionEnd();
    expect(await batches.runItem(item!.id, 1, 1)).toBe(ImportItemStatus.DONE);
    expect(await writtenPast(end)).toBeGreaterThan(0);
  });
});
