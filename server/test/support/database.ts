import { randomBytes } from 'node:crypto';

import pg from 'pg';
import type { DataSource } from 'typeorm';
import { inject } from 'vitest';

import { loadConfig } from '../../src/config.js';
import { appLoginUrl, prepareAppLogin } from '../../src/db/app-login.js';
import { createDataSource, type Database } from '../../src/db/data-source.js';

export interface TestDatabase extends Database {
  url: string;
  /** The URL the server's pool logs in with, as APP_ROLE. */
  appUrl: string;
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
 * A fresh database of its own, migrated by its owner, with `dataSource` logged in as the server's is (APP_ROLE).
 * With `migrate: false` it is empty and only `owner` is connected. `connectionTimeoutMs` lets a test that opens
 * dozens of requests at once wait longer for a connection than a server would, on a busy machine.
 */
export async function createTestDatabase({
  migrate = true,
  connectionTimeoutMs,
}: { migrate?: boolean; connectionTimeoutMs?: number } = {}): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  await admin((client) => client.query(`CREATE DATABASE "${name}"`));
  const url = inject('postgresAdminUrl').replace(/\/[^/]*$/, `/${name}`);
  const loaded = loadConfig({ NODE_ENV: 'test' });
  const config = { ...loaded, db: { ...loaded.db, ...(connectionTimeoutMs ? { connectionTimeoutMs } : {}) } };
  const owner = createDataSource(url, config.db).dataSource;
  await owner.initialize();
  const appUrl = appLoginUrl(url, config);
  const app = createDataSource(appUrl, config.db);
  if (migrate) {
    await owner.runMigrations({ transaction: 'each' });
    await prepareAppLogin(url, config);
    await app.dataSource.initialize();
  }
  return {
    ...app,
    url,
    appUrl,
    name,
    owner,
    async drop() {
      if (app.dataSource.isInitialized) await app.dataSource.destroy();
      await owner.destroy();
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
