import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { migrations } from '../../migrations/index.js';
import { appLoginProblems } from '../src/db/app-login.js';
import { schemaDrift } from '../src/db/migration-drift.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

const DOMAIN_TABLES = [
  'annotations',
  'api_keys',
  'checkpoints',
  'claim_entities',
  'claim_events',
  'claim_links',
  'claims',
  'entities',
  'event_participants',
  'event_types',
  'events',
  'evidence',
  'idempotency_keys',
  'import_batch_items',
  'import_batches',
  'log_verifications',
  'login_attempts',
  'revisions',
  'source_revisions',
  'sources',
  'users',
];

async function tables(db: TestDatabase): Promise<string[]> {
  const rows = (await db.owner.query(
    // TypeORM's own bookkeeping: its migrations, and the expressions of generated columns, which it compares.
    `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('migrations', 'typeorm_metadata') ORDER BY 1`,
  )) as Array<{ table_name: string }>;
  return rows.map((row) => row.table_name);
}

describe('migrations', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase({ migrate: false });
  });
  afterAll(() => db.drop());

  it('build the whole domain from an empty database', async () => {
    expect(await tables(db)).toEqual([]);
    await db.owner.runMigrations({ transaction: 'each' });
    expect(await tables(db)).toEqual(DOMAIN_TABLES);
    expect(await db.owner.showMigrations()).toBe(false);
  });

  it('agree with the entities: TypeORM finds nothing to change', async () => {
    expect(await schemaDrift(db.owner)).toEqual({ up: [], down: [] });
  });

  it('create the search indexes the API relies on', async () => {
    const rows = (await db.owner.query(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public'`)) as Array<{
      indexname: string;
      indexdef: string;
    }>;
    const definition = (name: string) => rows.find((row) => row.indexname === name)?.indexdef ?? '';
    for (const table of ['claims', 'events', 'source_revisions'])
      expect(definition(`IDX_${table}_search`)).toMatch(/USING gin \(search_vector\)/);
    expect(definition('IDX_entities_names_trgm')).toMatch(/USING gin \(entity_search_names\(.*aliases\) gin_trgm_ops\)/);
  });

  it('can be reverted to an empty database and applied again', async () => {
    for (let i = 0; i < migrations.length; i++) await db.owner.undoLastMigration({ transaction: 'each' });
    expect(await tables(db)).toEqual([]);
    await db.owner.runMigrations({ transaction: 'each' });
    expect(await tables(db)).toEqual(DOMAIN_TABLES);
  });
});

describe('the database guards', () => {
  let db: TestDatabase;
  let ids: { claim: string; event: string; evidence: string; sourceRevision: string };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    const [row] = (await db.dataSource.query(
      `SELECT e.id AS evidence, e.source_revision_id AS "sourceRevision",
              (SELECT id FROM claims LIMIT 1) AS claim, (SELECT id FROM events LIMIT 1) AS event
         FROM evidence e LIMIT 1`,
    )) as Array<typeof ids>;
    ids = row!;
  });
  afterAll(() => db.drop());

  const refused = (sql: string, params: unknown[] = []) => expect(db.dataSource.query(sql, params)).rejects.toThrow();

  it('refuse to change or remove a revision (invariant 2): the role the server acts as lacks the privilege', async () => {
    await expect(db.dataSource.query(`UPDATE revisions SET reason = 'rewritten'`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`DELETE FROM revisions`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`TRUNCATE revisions`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`UPDATE source_revisions SET text = 'other'`)).rejects.toThrow(/permission denied/);
    const [role] = (await db.dataSource.query(`SELECT current_user AS name`)) as Array<{ name: string }>;
    expect(role!.name).toBe('provenance_app');
  });

  it('log the server in as a role that is no superuser and cannot become the owner (RESET ROLE, SET ROLE, SET SESSION AUTHORIZATION)', async () => {
    const [login] = (await db.dataSource.query(
      `SELECT session_user AS name, rolsuper AS super, rolcreaterole AS "createRole", rolcreatedb AS "createDb" FROM pg_roles WHERE rolname = session_user`,
    )) as Array<{ name: string; super: boolean; createRole: boolean; createDb: boolean }>;
    expect(login).toEqual({ name: 'provenance_app', super: false, createRole: false, createDb: false });
    expect(await appLoginProblems(db.dataSource)).toEqual([]);
    expect(await appLoginProblems(db.owner)).toEqual(
      expect.arrayContaining([expect.stringMatching(/is a superuser/), expect.stringMatching(/can act as the owner/)]),
    );
    const [{ owner }] = (await db.owner.query(`SELECT current_user AS owner`)) as Array<{ owner: string }>;
    const connection = db.dataSource.createQueryRunner();
    try {
      await connection.query('RESET ROLE');
      await expect(connection.query(`DELETE FROM revisions`)).rejects.toThrow(/permission denied/);
      await expect(connection.query(`SET ROLE "${owner}"`)).rejects.toThrow(/permission denied to set role/);
      await expect(connection.query(`SET SESSION AUTHORIZATION "${owner}"`)).rejects.toThrow(
        /permission denied to set session authorization/,
      );
      await expect(connection.query(`UPDATE revisions SET reason = 'rewritten'`)).rejects.toThrow(/permission denied/);
      await expect(connection.query(`TRUNCATE revisions`)).rejects.toThrow(/permission denied/);
      expect(await connection.query(`SELECT current_user AS name`)).toEqual([{ name: 'provenance_app' }]);
    } finally {
      await connection.release();
    }
  });

  it('refuse it even to the schema owner: a trigger stands behind the privileges', async () => {
    await expect(db.owner.query(`UPDATE revisions SET reason = 'rewritten'`)).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`DELETE FROM revisions`)).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`TRUNCATE revisions`)).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`UPDATE source_revisions SET text = 'other'`)).rejects.toThrow(/append-only/);
  });

  it('refuse an ANCHORED evidence whose positions do not hold its quote (invariant 4)', async () => {
    await expect(
      db.dataSource.query(`UPDATE evidence SET start_pos = start_pos + 1, end_pos = end_pos + 1 WHERE id = $1`, [ids.evidence]),
    ).rejects.toThrow(/is not its exact quote/);
    await refused(`UPDATE evidence SET end_pos = start_pos WHERE id = $1`, [ids.evidence]);
    await db.dataSource.query(
      `UPDATE evidence SET anchor_status = 'ORPHANED', start_pos = start_pos + 1, end_pos = end_pos + 1 WHERE id = $1`,
      [ids.evidence],
    );
  });

  it('refuse a date that does not match its precision', async () => {
    await refused(`UPDATE events SET start_date = '2022-09-07', start_precision = 'MONTH' WHERE id = $1`, [ids.event]);
    await refused(`UPDATE events SET start_date = '2022-09-07', start_precision = 'WEEK' WHERE id = $1`, [ids.event]);
    await refused(`UPDATE events SET start_date = '2022-02-01', start_precision = 'YEAR' WHERE id = $1`, [ids.event]);
    await refused(`UPDATE events SET start_date = NULL, start_precision = 'DAY' WHERE id = $1`, [ids.event]);
    await refused(`UPDATE sources SET published_precision = 'WEEK', published_at = '2022-09-05'`);
    await db.dataSource.query(
      `UPDATE events SET start_date = '2022-09-05', start_precision = 'WEEK', end_date = NULL, end_precision = NULL WHERE id = $1`,
      [ids.event],
    );
  });

  it('refuse values outside their vocabularies and ranges', async () => {
    await refused(`UPDATE claims SET credibility = 7 WHERE id = $1`, [ids.claim]);
    await refused(`UPDATE claims SET modality = 'PROBABLE' WHERE id = $1`, [ids.claim]);
    await refused(`UPDATE claims SET claimant_id = NULL, claimant_label = NULL WHERE id = $1`, [ids.claim]);
    await refused(`UPDATE claims SET status = 'APPROVED' WHERE id = $1`, [ids.claim]);
    await refused(`UPDATE events SET type_code = 'PICNIC' WHERE id = $1`, [ids.event]);
    await refused(`UPDATE sources SET reliability = 'G'`);
  });

  it('refuse a text snapshot whose hash is not of its text', async () => {
    await refused(
      `INSERT INTO source_revisions (id, source_id, number, text, sha256, actor)
       SELECT gen_random_uuid(), source_id, 2, 'corrected', repeat('0', 64), 'test' FROM source_revisions LIMIT 1`,
    );
  });
});
