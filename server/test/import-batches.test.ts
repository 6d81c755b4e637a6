import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { migrateJobQueue } from '../src/db/job-queue.js';
import { startJobRunner } from '../src/jobs/runner.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { ImportBatchesService } from '../src/modules/ingest/import-batches.service.js';
import { SourceKind } from '../src/modules/sources/sources.enums.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

const serverDir = path.resolve(__dirname, '..');
const tsc = path.join(path.dirname(createRequire(path.join(serverDir, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');
const workerScript = path.join(serverDir, 'dist', 'server', 'src', 'cli', 'worker.js');

/** The ingest sets' articles, each file once: every test takes its own, so no batch repeats another's content. */
const ARTICLES = ['ingest-dev', 'ingest-holdout', 'ingest-blind', 'ingest-blind2', 'ingest-stories'].flatMap((set) =>
  fs
    .readdirSync(path.join(__dirname, set))
    .filter((name) => name.endsWith('.txt'))
    .sort()
    .map((name) => ({ fileName: `${set}/${name}`, content: fs.readFileSync(path.join(__dirname, set, name), 'utf8') })),
);
let taken = 0;
const take = (n: number) => ARTICLES.slice(taken, (taken += n));

const START = `mutation($input: StartImportBatchInput!) { startImportBatch(input: $input) { id total done failed pending } }`;
const BATCH = `query($id: ID!) {
  importBatch(id: $id) {
    id total done failed pending finishedAt createdBy
    items { position fileName status attempts sourceId sourceTitle claimsProposed eventsProposed error }
  }
}`;

const config = loadConfig({ NODE_ENV: 'test', JOBS_MAX_ATTEMPTS: '2', JOBS_CONCURRENCY: '2', JOBS_RECLAIM_AFTER_MS: '500' });
const log = () => undefined;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('batch imports as jobs on the queue', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    await migrateJobQueue(db.url);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
  });
  afterAll(() => db.drop());

  const start = async (files: Array<{ fileName: string; content: string }>) =>
    dataOf(await gql<any>(START, { input: { files, language: 'en', kind: 'NEWS_ARTICLE' } }, editor.viewer)).startImportBatch;
  const batch = async (id: string) => dataOf(await gql<any>(BATCH, { id }, editor.viewer)).importBatch;
  /** The batch as it stood at each poll until nothing was pending. */
  const settled = async (id: string) => {
    const seen = [];
    for (;;) {
      const now = await batch(id);
      seen.push(now);
      if (now.pending === 0) return seen;
      await sleep(100);
    }
  };
  const count = async (sql: string, params: unknown[] = []) => (await db.dataSource.query(sql, params))[0].n as number;
  const sources = () => count(`SELECT count(*)::int AS n FROM sources`);
  /** How many sources were imported from exactly this content: the import keeps its hash in the first revision's reason. */
  const importsOf = (content: string) =>
    count(`SELECT count(*)::int AS n FROM source_revisions WHERE number = 1 AND reason LIKE $1`, [
      `%original sha256 ${createHash('sha256').update(content).digest('hex')}%`,
    ]);
  const lockedJobs = () => count(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL`);
  const jobs = () => count(`SELECT count(*)::int AS n FROM graphile_worker._private_jobs`);

  it("lets the server's role work the queue and nothing more: no DDL in the queue's schema, no rewriting its migrations", async () => {
    await db.dataSource.query(`SELECT graphile_worker.add_job('probe', '{}'::json, job_key => 'probe')`);
    expect(await jobs()).toBe(1);
    await db.dataSource.query(`SELECT graphile_worker.remove_job('probe')`);
    expect(await jobs()).toBe(0);
    await expect(db.dataSource.query(`DROP TABLE graphile_worker._private_jobs`)).rejects.toThrow(/must be owner/);
    await expect(db.dataSource.query(`CREATE TABLE graphile_worker.extra (id int)`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`DELETE FROM graphile_worker.migrations`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`ALTER TABLE graphile_worker._private_jobs DISABLE ROW LEVEL SECURITY`)).rejects.toThrow(
      /must be owner/,
    );
  });

  it('is started by editors only, and refuses an empty batch', async () => {
    const input = { files: take(1), language: 'en', kind: 'NEWS_ARTICLE' };
    expect(errorCodes(await gql(START, { input }, viewers.reviewer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(START, { input }, viewers.anonymous))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await gql(START, { input: { ...input, files: [] } }, editor.viewer))).toEqual(['BAD_USER_INPUT']);
    taken -= 1;
  });

  it('imports every article of a batch as a job, with progress, proposals for review, and a log that verifies', async () => {
    const files = take(6);
    const before = await sources();
    const started = await start(files);
    expect(started).toMatchObject({ total: 6, done: 0, failed: 0, pending: 6 });
    expect(await jobs()).toBe(6);
    const runner = await startJobRunner(db.dataSource, db.appUrl, config, log);
    try {
      const seen = await settled(started.id);
      const last = seen.at(-1)!;
      expect(last).toMatchObject({ total: 6, done: 6, failed: 0, pending: 0, createdBy: `user:${editor.id}` });
      expect(last.finishedAt).not.toBeNull();
      const dones = seen.map((s) => s.done);
      expect(dones).toEqual([...dones].sort((a, b) => a - b));
      expect(last.items.map((item: any) => [item.fileName, item.status, item.attempts])).toEqual(
        files.map((file) => [file.fileName, 'DONE', 1]),
      );
      for (const item of last.items) expect(item.sourceTitle).toBeTruthy();
      expect(await sources()).toBe(before + 6);
      for (const file of files) expect(await importsOf(file.content)).toBe(1);
      const proposed = last.items.reduce((n: number, item: any) => n + item.claimsProposed, 0);
      expect(proposed).toBeGreaterThan(0);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM claims c JOIN evidence e ON e.claim_id = c.id JOIN source_revisions sr ON sr.id = e.source_revision_id
            WHERE sr.source_id = ANY($1::uuid[]) AND c.proposal = 'PENDING' AND c.status = 'DRAFT'`,
          [last.items.map((item: any) => item.sourceId)],
        ),
      ).toBe(proposed);
      expect(await jobs()).toBe(0);
      expect((await new HistoryService(db.dataSource).verifyChains()).problems).toEqual([]);
      const { importBatches } = dataOf(await gql<any>(`{ importBatches(last: 5) { id total done failed pending } }`, {}, editor.viewer));
      expect(importBatches).toEqual([{ id: started.id, total: 6, done: 6, failed: 0, pending: 0 }]);
    } finally {
      await runner.stop();
    }
  }, 180_000);

  it('imports nothing twice: a job run again finds its article done, and a batch of stored content points to the sources', async () => {
    const [item] = (await db.dataSource.query(`SELECT id FROM import_batch_items WHERE status = 'DONE' LIMIT 1`)) as Array<{ id: string }>;
    const before = await sources();
    const service = new ImportBatchesService(db.dataSource, 2);
    expect(await service.runItem(item!.id, 2, 2)).toBe('DONE');
    expect(await sources()).toBe(before);

    const again = ARTICLES.slice(0, 2);
    const started = await start(again);
    const runner = await startJobRunner(db.dataSource, db.appUrl, config, log);
    try {
      const last = (await settled(started.id)).at(-1)!;
      expect(last.items.map((i: any) => i.status)).toEqual(['DUPLICATE', 'DUPLICATE']);
      for (const i of last.items) expect(i.sourceId).toBeTruthy();
      expect(await sources()).toBe(before);
      for (const file of again) expect(await importsOf(file.content)).toBe(1);
    } finally {
      await runner.stop();
    }
  }, 120_000);

  it('runs each job once when two workers share the queue', async () => {
    const files = take(6);
    const before = await sources();
    const started = await start(files);
    const runners = await Promise.all([1, 2].map(() => startJobRunner(db.dataSource, db.appUrl, config, log)));
    try {
      const last = (await settled(started.id)).at(-1)!;
      expect(last.items.map((i: any) => [i.status, i.attempts])).toEqual(files.map(() => ['DONE', 1]));
      expect(await sources()).toBe(before + 6);
      for (const file of files) expect(await importsOf(file.content)).toBe(1);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop()));
    }
  }, 180_000);

  it('retries a failing article with backoff, then reports it failed with its error, while the others are imported', async () => {
    const [good] = take(1);
    // Two tries, where the API's batches get the configured five: the test waits e^1 seconds, not e^1 + … + e^4.
    const started = await new ImportBatchesService(db.dataSource, 2).start(
      { actor: `user:${editor.id}`, actorUserId: editor.id, requestId: null },
      {
        files: [{ fileName: 'empty.html', content: '<html><body><p> </p></body></html>' }, good!],
        language: 'en',
        kind: SourceKind.NEWS_ARTICLE,
      },
    );
    const runner = await startJobRunner(db.dataSource, db.appUrl, config, log);
    try {
      const seen = await settled(started.id);
      const retrying = seen.find((s) => s.items[0].status === 'PENDING' && s.items[0].attempts === 1);
      expect(retrying?.items[0].error).toMatch(/holds no text once cleaned/);
      const last = seen.at(-1)!;
      expect(last).toMatchObject({ total: 2, done: 1, failed: 1, pending: 0 });
      expect(last.items[0]).toMatchObject({ status: 'FAILED', attempts: 2, sourceId: null });
      expect(last.items[0].error).toMatch(/holds no text once cleaned/);
      expect(last.items[1]).toMatchObject({ status: 'DONE', attempts: 1 });
      expect(await jobs()).toBe(0);
    } finally {
      await runner.stop();
    }
  }, 120_000);

  it('queues again, at start, the pending articles that lost their jobs, as a restored backup has none', async () => {
    const files = take(2);
    const started = await start(files);
    await db.owner.query(`DELETE FROM graphile_worker._private_jobs`);
    expect(await jobs()).toBe(0);
    const runner = await startJobRunner(db.dataSource, db.appUrl, config, log);
    try {
      const last = (await settled(started.id)).at(-1)!;
      expect(last.items.map((i: any) => [i.status, i.attempts])).toEqual([
        ['DONE', 1],
        ['DONE', 1],
      ]);
      for (const file of files) expect(await importsOf(file.content)).toBe(1);
    } finally {
      await runner.stop();
    }
  }, 120_000);

  describe('a worker process killed mid-batch', () => {
    let child: ChildProcess | null = null;
    let output = '';

    beforeAll(async () => {
      await promisify(execFile)(process.execPath, [tsc, '-p', path.join(serverDir, 'tsconfig.json')]);
    }, 180_000);
    afterAll(() => {
      if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    });

    it('leaves its job to the next worker, which finishes the batch with no article imported twice', async () => {
      const files = take(8);
      const before = await sources();
      const started = await start(files);
      child = spawn(process.execPath, [workerScript], {
        env: { ...process.env, NODE_ENV: 'test', DATABASE_URL: db.url, JOBS_CONCURRENCY: '1', JOBS_MAX_ATTEMPTS: '2' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
      // Killed once it has imported some and holds the next: in the middle of an article's transaction. It is stopped
      // while that is checked, so it cannot finish the job it holds between the check and the kill.
      for (;;) {
        if ((await batch(started.id)).done >= 2) {
          child.kill('SIGSTOP');
          if ((await lockedJobs()) > 0) break;
          child.kill('SIGCONT');
        }
        if (child.exitCode !== null) throw new Error(`The worker exited:\n${output}`);
        await sleep(20);
      }
      child.kill('SIGKILL');
      await new Promise((resolve) => child!.once('exit', resolve));
      const atKill = await batch(started.id);
      expect(atKill.pending).toBeGreaterThan(0);
      expect(await lockedJobs()).toBeGreaterThan(0);

      const runner = await startJobRunner(db.dataSource, db.appUrl, config, log);
      try {
        const last = (await settled(started.id)).at(-1)!;
        expect(last).toMatchObject({ total: 8, done: 8, failed: 0 });
        expect(await sources()).toBe(before + 8);
        for (const file of files) expect(await importsOf(file.content)).toBe(1);
        expect(await jobs()).toBe(0);
        expect((await new HistoryService(db.dataSource).verifyChains()).problems).toEqual([]);
      } finally {
        await runner.stop();
      }
    }, 240_000);
  });
});
