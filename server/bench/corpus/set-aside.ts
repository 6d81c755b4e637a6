import pg from 'pg';

/** The tables a bulk load writes, whose secondary indexes and foreign keys it sets aside. */
export const LOADED_TABLES = [
  'entities',
  'sources',
  'source_revisions',
  'events',
  'event_participants',
  'claims',
  'claim_events',
  'claim_entities',
  'claim_links',
  'evidence',
  'revisions',
] as const;

const ANCHOR_TRIGGER = 'evidence_anchor_check';

/**
 * Every ANCHORED evidence row whose positions do not hold its quote: the anchor trigger's check (invariant 4),
 * as one statement over every row instead of one call a row.
 */
const MISANCHORED = `
  SELECT e.id, e.start_pos, e.end_pos FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id
   WHERE e.anchor_status = 'ANCHORED'
     AND (e.end_pos > length(r.text) OR substr(r.text, e.start_pos + 1, e.end_pos - e.start_pos) IS DISTINCT FROM e.exact)
   LIMIT 10`;

/**
 * An index whose build did not reach every partition: PostgreSQL keeps it but plans no query with it, so every
 * lookup of a record's revisions would read the whole log.
 */
const INVALID_INDEXES = `SELECT i.indexrelid::regclass::text AS name FROM pg_index i WHERE NOT i.indisvalid`;

/**
 * `pg_get_indexdef` writes a partitioned table's index as `ON ONLY`, which builds it on the parent alone, invalid
 * until each partition's index is attached; dropped with the parent's, the partitions' are gone, so the rebuild
 * must recurse.
 */
const recursiveDefinition = (definition: string): string => definition.replace(/ ON ONLY /, ' ON ');

export interface SetAside {
  /** Rebuilds what was set aside, set-wise, then checks every row the anchor trigger did not see; throws on a misanchored one. */
  restore(): Promise<{ indexes: number; foreignKeys: number; seconds: number }>;
}

/**
 * PostgreSQL's "Populating a Database" for a load into fresh tables: the loaded tables' secondary indexes and
 * foreign keys dropped, and the per-row anchor trigger disabled, until `restore` builds each index in one sort
 * (with `maintenance_work_mem` and parallel workers), validates each foreign key in one join, and checks every
 * anchor in one statement. Primary keys and unique constraints stay: they are what the foreign keys refer to.
 * Needs the tables' owner; the server's own role may not alter them.
 */
export async function setAside(
  ownerUrl: string,
  settings: { maintenanceWorkMem?: string; parallelWorkers?: number } = {},
): Promise<SetAside> {
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    const { rows: indexes } = await owner.query<{ name: string; definition: string }>(
      `SELECT quote_ident(ci.relname) AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class ci ON ci.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
         JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND t.relname = ANY($1)
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x'))`,
      [LOADED_TABLES],
    );
    const { rows: foreignKeys } = await owner.query<{ table: string; name: string; definition: string }>(
      `SELECT quote_ident(t.relname) AS "table", quote_ident(c.conname) AS name, pg_get_constraintdef(c.oid) AS definition
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_namespace n ON n.oid = t.relnamespace
        WHERE n.nspname = 'public' AND c.contype = 'f' AND t.relname = ANY($1)`,
      [LOADED_TABLES],
    );
    await owner.query('BEGIN');
    for (const key of foreignKeys) await owner.query(`ALTER TABLE ${key.table} DROP CONSTRAINT ${key.name}`);
    for (const index of indexes) await owner.query(`DROP INDEX ${index.name}`);
    await owner.query(`ALTER TABLE evidence DISABLE TRIGGER ${ANCHOR_TRIGGER}`);
    await owner.query('COMMIT');
    return {
      async restore() {
        const started = performance.now();
        const rebuilder = new pg.Client({ connectionString: ownerUrl });
        await rebuilder.connect();
        try {
          await rebuilder.query(`SET maintenance_work_mem = '${settings.maintenanceWorkMem ?? '512MB'}'`);
          await rebuilder.query(`SET max_parallel_maintenance_workers = ${settings.parallelWorkers ?? 2}`);
          await rebuilder.query('BEGIN');
          for (const index of indexes) await rebuilder.query(recursiveDefinition(index.definition));
          for (const key of foreignKeys) await rebuilder.query(`ALTER TABLE ${key.table} ADD CONSTRAINT ${key.name} ${key.definition}`);
          await rebuilder.query(`ALTER TABLE evidence ENABLE TRIGGER ${ANCHOR_TRIGGER}`);
          const { rows: invalid } = await rebuilder.query<{ name: string }>(INVALID_INDEXES);
          if (invalid.length > 0) throw new Error(`indexes left unusable by the restore: ${invalid.map((row) => row.name).join(', ')}`);
          const { rows: misanchored } = await rebuilder.query<{ id: string; start_pos: number; end_pos: number }>(MISANCHORED);
          if (misanchored.length > 0) {
            throw new Error(
              `the bulk load wrote evidence whose text is not its exact quote: ${misanchored.map((row) => `${row.id} at [${row.start_pos}, ${row.end_pos})`).join(', ')}`,
            );
          }
          await rebuilder.query('COMMIT');
        } catch (error) {
          // Everything stays set aside, so that the rows can be mended and the restore run again.
          await rebuilder.query('ROLLBACK');
          throw error;
        } finally {
          await rebuilder.end();
        }
        return { indexes: indexes.length, foreignKeys: foreignKeys.length, seconds: (performance.now() - started) / 1000 };
      },
    };
  } finally {
    await owner.end();
  }
}
