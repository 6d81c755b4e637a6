import { Logger, runMigrations } from 'graphile-worker';
import pg from 'pg';

import { APP_ROLE } from './data-source.js';

/** graphile-worker's schema: its tables and functions are its own, made and upgraded by its migrations, not ours. */
export const JOB_QUEUE_SCHEMA = 'graphile_worker';

/** The queue logs through the caller's log, and only what an operator acts on: its debug and info lines are per job. */
export function queueLogger(log: (message: string, error?: unknown) => void): Logger {
  return new Logger(() => (level, message, meta) => {
    if (level === 'error' || level === 'warning') log(`Job queue: ${message}`, meta?.error);
  });
}

/**
 * Brings graphile-worker's schema up to date as the schema's owner, beside our TypeORM migrations (which never
 * touch it), then lets APP_ROLE work the queue and nothing more: read and change jobs, never alter the schema nor
 * write its migration history, so a worker logged in as APP_ROLE finds the schema current and runs no DDL.
 * Each start grants again, so tables a newer graphile-worker adds are covered.
 */
export async function migrateJobQueue(ownerUrl: string): Promise<void> {
  const pool = new pg.Pool({ connectionString: ownerUrl, max: 1 });
  // A connection closing as the pool ends (PostgreSQL stopping right after) is no failure of the migration.
  pool.on('error', () => undefined);
  try {
    await runMigrations({
      pgPool: pool,
      schema: JOB_QUEUE_SCHEMA,
      logger: queueLogger(() => undefined),
    });
    await pool.query(`GRANT USAGE ON SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}`);
    await pool.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}`);
    await pool.query(`REVOKE INSERT, UPDATE, DELETE ON ${JOB_QUEUE_SCHEMA}.migrations FROM ${APP_ROLE}`);
    await pool.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}`);
    await pool.query(`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${JOB_QUEUE_SCHEMA} TO ${APP_ROLE}`);
    // graphile-worker turns row security on for its tables, with no policy: only their owner may use them until one is given.
    await pool.query(`DO $$ DECLARE t regclass; BEGIN
        FOR t IN SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                  WHERE n.nspname = '${JOB_QUEUE_SCHEMA}' AND c.relkind = 'r' AND c.relrowsecurity
                    AND NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid AND p.polname = '${APP_ROLE}_works_the_queue')
        LOOP
          EXECUTE format('CREATE POLICY ${APP_ROLE}_works_the_queue ON %s TO ${APP_ROLE} USING (true) WITH CHECK (true)', t);
        END LOOP;
      END $$`);
  } finally {
    await pool.end();
  }
}
