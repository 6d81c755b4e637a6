import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDataSource, type Database } from '../../src/db/data-source.js';

export interface TestDatabase extends Database {
  url: string;
  name: string;
  drop(): Promise<void>;
}

async function admin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A fresh, empty database of its own; `migrate: true` (the default) brings it to the current schema. */
export async function createTestDatabase({ migrate = true } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = inject('postgresAdminUrl').replace(/\/[^/]*$/, `/${name}`);
  const database = createDataSource(url, loadConfig({ NODE_ENV: 'test' }).db);
  await database.dataSource.initialize();
  if (migrate) await database.dataSource.runMigrations({ transaction: 'each' });
  return {
    ...database,
    url,
    name,
    async drop() {
      if (database.dataSource.isInitialized) await database.dataSource.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
