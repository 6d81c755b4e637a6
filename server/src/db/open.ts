import pg from 'pg';

import type { Config } from '../config.js';
import { appLoginProblems, prepareAppLogin } from './app-login.js';
import { createDataSource, type Database } from './data-source.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { migrateJobQueue } from './job-queue.js';

const DATABASE_NAME = 'provenance';

export interface OpenDatabase {
  database: Database;
  /** Names of the migrations this call applied. */
  applied: string[];
  /** The schema owner's connection URL, for what the server itself may not do (migrations, restores). */
  ownerUrl: string;
  /** The URL the pool logs in with (APP_ROLE). */
  appUrl: string;
  embedded: EmbeddedPostgres | null;
  /** Closes the pool, then stops the embedded PostgreSQL if this process started it. */
  close(): Promise<void>;
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await client.query(`CREATE DATABASE "${name}"`);
  } finally {
    await client.end();
  }
}

/** Applies pending migrations as the connecting user, who owns the schema; the server then logs in as APP_ROLE. */
export async function migrate(url: string, config: Config): Promise<string[]> {
  const { dataSource } = createDataSource(url, config.db);
  await dataSource.initialize();
  try {
    return (await dataSource.runMigrations({ transaction: 'each' })).map((migration) => migration.name);
  } finally {
    await dataSource.destroy();
  }
}

/**
 * The database from DATABASE_URL, or the embedded one in the data directory (started, or shared if running),
 * migrated (our schema, then the job queue's), with a pool logged in as APP_ROLE; a login that could reach past APP_ROLE's grants stops the start.
 */
export async function openDatabase(config: Config): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let embedded: EmbeddedPostgres | null = null;
  if (!url) {
    embedded = new EmbeddedPostgres({ dir: config.dataDir });
    try {
      await embedded.start();
      await ensureDatabase(embedded.connectionUrl(), DATABASE_NAME);
    } catch (error) {
      await embedded.stop();
      throw error;
    }
    url = embedded.connectionUrl(DATABASE_NAME);
  }
  let applied: string[];
  let appUrl: string;
  let database: Database;
  try {
    applied = await migrate(url, config);
    await migrateJobQueue(url);
    appUrl = await prepareAppLogin(url, config);
    database = createDataSource(appUrl, config.db);
    await database.dataSource.initialize();
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const problems = await appLoginProblems(database.dataSource);
  if (problems.length > 0) {
    await database.dataSource.destroy();
    await embedded?.stop();
    throw new Error(`Refusing to serve with a database login that can rewrite the log:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
  return {
    database,
    applied,
    ownerUrl: url,
    appUrl,
    embedded,
    async close() {
      if (database.dataSource.isInitialized) await database.dataSource.destroy();
      await embedded?.stop();
    },
  };
}
