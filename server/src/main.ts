import 'reflect-metadata';
import type { Server } from 'node:http';
import pg from 'pg';
import { ConfigError, loadConfig } from './config.js';
import { createDataSource } from './db/data-source.js';
import { EmbeddedPostgres } from './db/embedded-postgres.js';
import { createHttpApp } from './http/app.js';
import { SeedError, seedAll } from './seed/seed.js';

const DATABASE_NAME = 'provenance';

function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : error ? `: ${String(error)}` : '';
  console.log(`[${new Date().toISOString()}] ${message}${detail}`);
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

/** Undone in reverse on the way out: the HTTP server, then the connections, then the embedded PostgreSQL. */
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

async function shutdown(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        log('Cleanup failed', error);
      }
    }
    log('Stopped');
  }
  process.exit(exitCode);
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      log(`${signal}: stopping`);
      void shutdown(0);
    });
  }
  const config = loadConfig();

  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    log(`Starting the embedded PostgreSQL in ${config.dataDir}`);
    const embedded = new EmbeddedPostgres({ dir: config.dataDir });
    cleanups.push(() => embedded.stop());
    await embedded.start();
    if (embedded.stoppedOrphan) log('Stopped the PostgreSQL that an earlier, killed run had left running');
    await ensureDatabase(embedded.connectionUrl(), DATABASE_NAME);
    databaseUrl = embedded.connectionUrl(DATABASE_NAME);
  }

  const database = createDataSource(databaseUrl, config.db);
  await database.dataSource.initialize();
  cleanups.push(() => database.dataSource.destroy());
  const applied = await database.dataSource.runMigrations({ transaction: 'each' });
  log(applied.length ? `Applied migrations: ${applied.map((m) => m.name).join(', ')}` : 'Database schema is up to date');

  if (config.seedOnStart) {
    const report = await seedAll(database.dataSource);
    log(report.created > 0 ? `Seeded ${report.created} records from seeds/` : `Seed data already present (${report.present} records)`);
  }

  const http = await createHttpApp(config, database, log);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = http.app.listen(config.port, config.host, () => resolve(listening));
    listening.once('error', reject);
  });
  cleanups.push(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await http.stop();
  });

  const base = `http://localhost:${config.port}`;
  console.log(
    [
      '',
      `  Provenance store is running (${config.env})`,
      `  GraphQL API   ${base}/graphql`,
      `  Console       ${base}/`,
      `  Health        ${base}/healthz  ${base}/readyz`,
      `  Database      ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${config.dataDir}`}`,
      '  Stop with Ctrl-C.',
      '',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SeedError) console.error(error.message);
  else log('Start failed', error);
  void shutdown(1);
});
