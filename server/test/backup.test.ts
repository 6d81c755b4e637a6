import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { backup, BACKUP_TABLES, restore } from '../src/db/backup.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { ApiKeysService } from '../src/modules/users/api-keys.service.js';
import { LoginLimiter } from '../src/modules/users/login-limiter.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { dataOf, graphqlClient, viewers } from './support/graphql.js';

const fingerprint = async (db: TestDatabase, table: string) =>
  (
    (await db.dataSource.query(
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(row_to_json(t)::text, '|' ORDER BY row_to_json(t)::text), '')) AS md5 FROM "${table}" t`,
    )) as Array<{ n: number; md5: string }>
  )[0]!;

describe('backup and restore', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'backup-'));
  const file = path.join(dir, 'backup.jsonl.gz');
  let source: TestDatabase;
  let target: TestDatabase;

  beforeAll(async () => {
    source = await createTestDatabase();
    target = await createTestDatabase();
    await seedAll(source.dataSource);
    const editor = await createEditor(source.dataSource);
    const gql = graphqlClient(source.dataSource);
    const { entities } = dataOf(await gql<any>(`{ entities(first: 1) { edges { node { id version } } } }`, {}, editor.viewer));
    const entity = entities.edges[0].node;
    dataOf(
      await gql(
        `mutation($id: ID!, $v: Int!) { updateEntity(input: { id: $id, expectedVersion: $v, description: "Edited before the backup" }) { id } }`,
        { id: entity.id, v: entity.version },
        editor.viewer,
      ),
    );
    dataOf(
      await gql(
        `mutation($id: ID!) { createAnnotation(input: { targetType: ENTITY, targetId: $id, motivation: COMMENTING, body: "A note" }) { id } }`,
        { id: entity.id },
        editor.viewer,
      ),
    );
    await new ApiKeysService(source.dataSource).create(
      { actor: `user:${editor.id}`, actorUserId: editor.id, requestId: null },
      { name: 'Newsroom app' },
    );
    await new LoginLimiter(source.dataSource).attempt('someone@example.org', '192.0.2.1');
    dataOf(await gql(`mutation { createCheckpoint { id } }`, {}, viewers.admin));
    await source.dataSource.query(`INSERT INTO log_verifications (started_by, total_revisions) VALUES ('user:x', 1)`);
    await source.dataSource.query(
      `INSERT INTO idempotency_keys (actor, key, fingerprint, txid) VALUES ('user:x', 'k', repeat('0', 64), 1)`,
    );
    await source.dataSource.query(
      `WITH batch AS (INSERT INTO import_batches (created_by, total, options) VALUES ('user:x', 1, '{"language": "en"}') RETURNING id)
       INSERT INTO import_batch_items (batch_id, position, file_name, format, content, content_sha256, status, attempts, source_id, finished_at)
       SELECT batch.id, 0, 'a.txt', 'TEXT', 'words', repeat('0', 64), 'DONE', 1, (SELECT id FROM sources LIMIT 1), now() FROM batch`,
    );
  });
  afterAll(async () => {
    await source.drop();
    await target.drop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('covers every table the migrations make', async () => {
    const tables = (
      (await source.dataSource.query(
        `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata')`,
      )) as Array<{ name: string }>
    ).map((t) => t.name);
    expect([...BACKUP_TABLES].sort()).toEqual(tables.sort());
  });

  it('round-trips every row of every table, revisions included, and the chains verify after', async () => {
    const written = await backup(source.dataSource, file);
    for (const table of BACKUP_TABLES) expect(written[table], table).toBeGreaterThan(0);
    const restored = await restore(target.owner, file);
    expect(restored).toEqual(written);
    for (const table of BACKUP_TABLES) expect(await fingerprint(target, table), table).toEqual(await fingerprint(source, table));
    expect((await new HistoryService(target.dataSource).verifyChains()).firstBreak).toBeNull();
    const [{ next }] = (await target.owner.query(`SELECT nextval(pg_get_serial_sequence('revisions', 'id'))::text AS next`)) as Array<{
      next: string;
    }>;
    const [{ max }] = (await source.dataSource.query(`SELECT max(id)::text AS max FROM revisions`)) as Array<{ max: string }>;
    expect(BigInt(next)).toBeGreaterThan(BigInt(max));
  });

  it('refuses to restore over data, or a backup made for other migrations, and changes nothing', async () => {
    const before = await fingerprint(target, 'claims');
    await expect(restore(target.owner, file)).rejects.toThrow(/holds data/);
    expect(await fingerprint(target, 'claims')).toEqual(before);
    const other = path.join(dir, 'other.jsonl.gz');
    const zlib = await import('node:zlib');
    fs.writeFileSync(
      other,
      zlib.gzipSync(`${JSON.stringify({ format: 'provenance-store-backup', version: 1, createdAt: '', migrations: ['Init1'] })}\n`),
    );
    const empty = await createTestDatabase();
    try {
      await expect(restore(empty.owner, other)).rejects.toThrow(/fits migrations Init1/);
    } finally {
      await empty.drop();
    }
  });

  it("keeps the change feed's order across a restore from a cluster whose transaction ids ran far ahead", async () => {
    const ahead = await createTestDatabase();
    const fresh = await createTestDatabase();
    const aheadFile = path.join(dir, 'ahead.jsonl.gz');
    try {
      // A busier cluster's ids: the one the tests run on is young, as a new server's would be.
      await ahead.owner.query(
        `CREATE OR REPLACE FUNCTION log_xact_offset() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT 1000000000000::bigint'`,
      );
      const editor = await createEditor(ahead.dataSource);
      const createEntity = `mutation($name: String!) { createEntity(input: { kind: PERSON, name: $name, reason: "Named in a source" }) { id } }`;
      const CHANGES = `query($after: String) { changes(after: $after, recordTypes: [ENTITY]) { changes { recordId kind } cursor } }`;
      const before = dataOf(await graphqlClient(ahead.dataSource)<any>(createEntity, { name: 'Before The Restore' }, editor.viewer));
      const seen = dataOf(await graphqlClient(ahead.dataSource)<any>(CHANGES, {}, viewers.editor)).changes;
      expect(seen.changes).toEqual([{ recordId: before.createEntity.id, kind: 'APPEARED' }]);

      await backup(ahead.dataSource, aheadFile);
      await restore(fresh.owner, aheadFile);
      const gql = graphqlClient(fresh.dataSource);
      const after = dataOf(await gql<any>(createEntity, { name: 'After The Restore' }, editor.viewer));
      expect(dataOf(await gql<any>(CHANGES, {}, viewers.editor)).changes.changes).toEqual([
        { recordId: before.createEntity.id, kind: 'APPEARED' },
        { recordId: after.createEntity.id, kind: 'APPEARED' },
      ]);
      expect(dataOf(await gql<any>(CHANGES, { after: seen.cursor }, viewers.editor)).changes.changes).toEqual([
        { recordId: after.createEntity.id, kind: 'APPEARED' },
      ]);
    } finally {
      await ahead.drop();
      await fresh.drop();
    }
  });
});
