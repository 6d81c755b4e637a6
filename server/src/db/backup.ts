import fs from 'node:fs';
import readline from 'node:readline';
import { PassThrough } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';

import type { DataSource, EntityManager } from 'typeorm';

/** Every table, parents before children, so a restore never meets a foreign key to a row not yet there. */
export const BACKUP_TABLES = [
  'users',
  'api_keys',
  'sources',
  'source_revisions',
  'entities',
  'event_types',
  'events',
  'event_participants',
  'claims',
  'claim_events',
  'claim_entities',
  'claim_links',
  'evidence',
  'annotations',
  'revisions',
  'import_batches',
  'import_batch_items',
  'checkpoints',
  'log_verifications',
  'idempotency_keys',
  'login_attempts',
] as const;

const FORMAT = 'provenance-store-backup';
const BATCH = 1000;

interface Header {
  format: typeof FORMAT;
  version: 1;
  createdAt: string;
  migrations: string[];
}

/** Each table's columns that hold data: generated ones (search vectors) are left out, and made again on restore. */
async function storedColumns(manager: EntityManager): Promise<Map<string, string[]>> {
  const rows = (await manager.query(
    `SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = current_schema() AND is_generated = 'NEVER' ORDER BY table_name, ordinal_position`,
  )) as Array<{ table: string; column: string }>;
  const columns = new Map<string, string[]>();
  for (const { table, column } of rows) columns.set(table, [...(columns.get(table) ?? []), column]);
  return columns;
}

/**
 * A logical backup: gzipped JSON lines, a header naming the migrations the data fits, then every row of every
 * table, read in batches. It needs no pg_dump (the embedded PostgreSQL ships none) and restores into any
 * PostgreSQL the migrations have built.
 */
export async function backup(dataSource: DataSource, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const lines = new PassThrough();
  const written = pipeline(lines, zlib.createGzip(), fs.createWriteStream(file));
  const write = async (value: unknown) => {
    if (!lines.write(`${JSON.stringify(value)}\n`)) await new Promise((resolve) => lines.once('drain', resolve));
  };
  const migrations = ((await dataSource.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>).map(
    (row) => row.name,
  );
  await write({ format: FORMAT, version: 1, createdAt: new Date().toISOString(), migrations } satisfies Header);
  // One snapshot for the whole backup, so a revision and its record are never caught on different sides of a write.
  await dataSource.transaction('REPEATABLE READ', async (manager) => {
    const columns = await storedColumns(manager);
    for (const table of BACKUP_TABLES) {
      counts[table] = 0;
      const list = columns
        .get(table)!
        .map((column) => `"${column}"`)
        .join(', ');
      for (let after = '(0,0)'; ;) {
        const rows = (await manager.query(
          `SELECT ctid::text AS at, row_to_json((SELECT r FROM (SELECT ${list}) r)) AS row FROM "${table}" WHERE ctid > $1::tid ORDER BY ctid LIMIT ${BATCH}`,
          [after],
        )) as Array<{
          at: string;
          row: unknown;
        }>;
        for (const { row } of rows) await write({ table, row });
        counts[table] += rows.length;
        if (rows.length < BATCH) break;
        after = rows.at(-1)!.at;
      }
    }
  });
  lines.end();
  await written;
  return counts;
}

/**
 * Loads a backup into a database built by the same migrations and holding nothing yet, in one transaction: all of
 * it or none. Identity columns keep their values, and their sequences continue after them, as the change feed's
 * transaction order does, so it runs as the schema's owner.
 */
export async function restore(dataSource: DataSource, file: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await dataSource.transaction(async (manager) => {
    const columns = await storedColumns(manager);
    let header: Header | null = null;
    let table: string | null = null;
    let batch: unknown[] = [];
    const flush = async () => {
      if (!table || batch.length === 0) return;
      const list = columns
        .get(table)!
        .map((column) => `"${column}"`)
        .join(', ');
      await manager.query(
        `INSERT INTO "${table}" (${list}) OVERRIDING SYSTEM VALUE SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`,
        [JSON.stringify(batch)],
      );
      counts[table] = (counts[table] ?? 0) + batch.length;
      batch = [];
    };
    // Opened right before it is read: readline emits lines as soon as data flows, and lines emitted before the
    // loop starts (while a query is awaited, say) would be lost.
    const input = readline.createInterface({ input: fs.createReadStream(file).pipe(zlib.createGunzip()), crlfDelay: Infinity });
    for await (const line of input) {
      if (!line) continue;
      const entry = JSON.parse(line) as Header | { table: string; row: unknown };
      if (!header) {
        if ((entry as Header).format !== FORMAT) throw new Error(`${file} is not a backup of this product`);
        header = entry as Header;
        const migrations = ((await manager.query('SELECT name FROM migrations ORDER BY id')) as Array<{ name: string }>).map(
          (row) => row.name,
        );
        if (JSON.stringify(migrations) !== JSON.stringify(header.migrations)) {
          throw new Error(`The backup fits migrations ${header.migrations.join(', ')}; this database has ${migrations.join(', ')}`);
        }
        for (const name of BACKUP_TABLES) {
          const [{ exists }] = (await manager.query(`SELECT EXISTS (SELECT 1 FROM "${name}") AS exists`)) as Array<{ exists: boolean }>;
          if (exists) throw new Error(`Refusing to restore into a database that holds data (table ${name} is not empty)`);
        }
        continue;
      }
      const { table: next, row } = entry as { table: string; row: unknown };
      if (!(BACKUP_TABLES as readonly string[]).includes(next)) throw new Error(`Unknown table ${next} in ${file}`);
      if (next !== table) {
        await flush();
        table = next;
      }
      batch.push(row);
      if (batch.length >= BATCH) await flush();
    }
    await flush();
    if (!header) throw new Error(`${file} is empty`);
    const identities = (await manager.query(
      `SELECT table_name AS table, column_name AS column FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES'`,
    )) as Array<{ table: string; column: string }>;
    for (const { table: name, column } of identities) {
      await manager.query(
        `SELECT setval(pg_get_serial_sequence($1, $2), (SELECT coalesce(max("${column}"), 0) + 1 FROM "${name}"), false)`,
        [`"${name}"`, column],
      );
    }
    // Writes after this one come after the restored log in the feed's order, whatever this cluster's own ids are
    // (migration FeedAcrossRestores).
    const [{ offset }] = (await manager.query(
      `SELECT ((SELECT max(xact_id) FROM revisions) + 1 - pg_current_xact_id()::text::bigint)::text AS offset`,
    )) as [{ offset: string | null }];
    if (offset !== null)
      await manager.query(
        `CREATE OR REPLACE FUNCTION log_xact_offset() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT ${BigInt(offset)}::bigint'`,
      );
  });
  return counts;
}
