import './heap-tuning.js';
import 'reflect-metadata';

import type { Server } from 'node:http';

import { ConfigError, loadConfig } from './config.js';
import { loadSigningKey } from './core/checkpoints/signing-key.js';
import { openDatabase } from './db/open.js';
import { startRevisionPartitionUpkeep } from './db/revision-partitions.js';
import { createHttpApp } from './http/app.js';
import { startJobRunner } from './jobs/runner.js';
import { CheckpointsService } from './modules/checkpoints/checkpoints.service.js';
import { startPeriodicCheckpoints } from './modules/checkpoints/periodic.js';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from './modules/users/demo-accounts.js';
import { productionStartProblems } from './modules/users/startup-checks.js';
import { seedAll, SeedError } from './seed/seed.js';

function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : error ? `: ${String(error)}` : '';
  console.log(`[${new Date().toISOString()}] ${message}${detail}`);
}

class StartRefused extends Error {}

/** Undone in reverse on the way out: the HTTP server, then the connections, then the embedded PostgreSQL. */
const cleanups: Array<() => Promise<void>> = [];
let stopping = false;

/** However a cleanup hangs, the process is gone this long after a stop signal, as an orchestrator expects. */
const STOP_DEADLINE_MS = 10_000;

async function shutdown(exitCode: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    setTimeout(() => {
      log(`Still stopping after ${STOP_DEADLINE_MS / 1000} s: exiting now`);
      process.exit(exitCode || 1);
    }, STOP_DEADLINE_MS).unref();
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

  if (!config.databaseUrl) log(`Starting the embedded PostgreSQL in ${config.dataDir}`);
  const opened = await openDatabase(config);
  cleanups.push(() => opened.close());
  if (opened.embedded?.stoppedOrphan) log('Stopped the PostgreSQL that an earlier, killed run had left running');
  if (opened.embedded?.sharedWith) {
    // Sharing suits a CLI tool beside a server; two servers would each think the database theirs, and the first
    // to stop would take it from the other.
    throw new StartRefused(
      `Another server (process ${opened.embedded.sharedWith}) is already running on ${config.dataDir}: use that one, stop it first, or give this one its own DATA_DIR.`,
    );
  }
  const { dataSource } = opened.database;

  log(opened.applied.length ? `Applied migrations: ${opened.applied.join(', ')}` : 'Database schema is up to date');
  const stopPartitionUpkeep = startRevisionPartitionUpkeep(dataSource, log);
  cleanups.push(async () => stopPartitionUpkeep());

  if (config.seedOnStart) {
    const report = await seedAll(dataSource);
    log(report.created > 0 ? `Seeded ${report.created} records from seeds/` : `Seed data already present (${report.present} records)`);
  }

  const problems = await productionStartProblems(config, dataSource);
  if (problems.length > 0) throw new StartRefused(`Refusing to start in production:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  if (config.env === 'development') {
    const created = await ensureDemoAccounts(dataSource);
    if (created > 0) log(`Created ${created} demo accounts`);
  }

  const http = await createHttpApp(config, opened.database, log);
  if (config.checkpoints.intervalSeconds > 0) {
    const stopCheckpoints = startPeriodicCheckpoints(
      new CheckpointsService(dataSource, loadSigningKey(config)),
      config.checkpoints.intervalSeconds,
      log,
    );
    cleanups.push(async () => stopCheckpoints());
  }
  if (config.jobs.runInServer) {
    const jobs = await startJobRunner(dataSource, opened.appUrl, config, log);
    cleanups.push(() => jobs.stop());
  }
  const server: Server = await new Promise((resolve, reject) => {
    const listening = http.listen(config.port, config.host).once('listening', () => resolve(listening));
    listening.once('error', reject);
  });
  cleanups.push(async () => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    await closed;
    await http.stop();
  });

  const base = `http://localhost:${config.port}`;
  const lines = [
    '',
    `  Provenance store is running (${config.env})`,
    `  GraphQL API   ${base}/graphql`,
    `  Console       ${base}/`,
    `  Health        ${base}/healthz  ${base}/readyz`,
    `  Database      ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL, data in ${config.dataDir}`}`,
    `  Jobs          ${config.jobs.runInServer ? `run here, ${config.jobs.concurrency} at a time` : 'left to `npm run worker` (JOBS_IN_SERVER=false)'}`,
  ];
  if (config.env === 'development') {
    lines.push('  Demo accounts (development only; sign in with the `login` mutation or the console):');
    for (const account of DEMO_ACCOUNTS)
      lines.push(`    ${account.roles.join(',').padEnd(9)} ${account.email.padEnd(22)} ${account.password}`);
  }
  lines.push('  Stop with Ctrl-C.', '');
  console.log(lines.join('\n'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof SeedError || error instanceof StartRefused) console.error(error.message);
  else log('Start failed', error);
  void shutdown(1);
});
