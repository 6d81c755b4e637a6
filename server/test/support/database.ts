import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createDataSource, type Database } from '../../src/db/data-source.js';

export interface TestDatabase extends Database {
  url: string;
  name: string;
  /** The schema's owner, for what the server itself may not do: migrations, and tampering to prove it shows. */
  owner: DataSource;
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

/**
 * A fresh database of its own, migrated by its owner, with `dataSource` acting as the server does (APP_ROLE).
 * With `migrate: false` it is empty and only `owner` is connected. `connectionTimeoutMs` lets a test that opens
 * dozens of requests at once wait longer for a connection than a server would, on a busy machine.
 */
export async function createTestDatabase({ migrate = true, connectionTimeoutMs }: { migrate?: boolean; connectionTimeoutMs?: number } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = inject('postgresAdminUrl').replace(/\/[^/]*$/, `/${name}`);
  const config = { ...loadConfig({ NODE_ENV: 'test' }).db, ...(connectionTimeoutMs ? { connectionTimeoutMs } : {}) };
  const owner = createDataSource(url, config).dataSource;
  await owner.initialize();
  const app = createDataSource(url, config, { asAppRole: true });
  if (migrate) {
    await owner.runMigrations({ transaction: 'each' });
    await app.dataSource.initialize();
  }
  return {
    ...app,
    url,
    name,
    owner,
    async drop() {
      if (app.dataSource.isInitialized) await app.dataSource.destroy();
      await owner.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
