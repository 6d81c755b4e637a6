import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../../src/config.js';
import { prepareAppLogin } from '../../src/db/app-login.js';
import { createDataSource, type Database } from '../../src/db/data-source.js';
import { EmbeddedPostgres, runningServer } from '../../src/db/embedded-postgres.js';
import { migrate } from '../../src/db/open.js';

export interface OwnPostgres {
  /** The server's pool (APP_ROLE): it outlives the cluster's restarts, as a running server's pool does. */
  database: Database;
  /** What PostgreSQL logged, across restarts. */
  log: string[];
  /** A fast shutdown, as an operator stops it. */
  stop(): Promise<void>;
  /**
   * `kill -9` of the postmaster alone, whose backends are left to notice and go; or of every PostgreSQL process at
   * once, as the OOM killer does to a container, cutting transactions off between any two statements.
   */
  kill(which: 'postmaster' | 'all'): Promise<void>;
  /** Starts it again on the same data directory and port, so the pool's URL still leads to it. */
  restart(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A PostgreSQL cluster of the test's own, for tests that stop or kill it: the shared one from the global set-up
 * must stay up for every other file. Migrated, with a pool that gives up on a connection after a second.
 */
export async function startOwnPostgres(): Promise<OwnPostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'own-postgres-'));
  const log: string[] = [];
  let postgres = new EmbeddedPostgres({ dir, log: (line) => log.push(line) });
  const url = await postgres.start();
  const config = loadConfig({ NODE_ENV: 'test', DB_CONNECTION_TIMEOUT_MS: '1000' });
  await migrate(url, config);
  const database = createDataSource(await prepareAppLogin(url, config), config.db);
  await database.dataSource.initialize();
  const port = postgres.port;
  return {
    database,
    log,
    stop: () => postgres.stop(),
    async kill(which) {
      const postmaster = runningServer(postgres.clusterDir);
      if (!postmaster) throw new Error('PostgreSQL is not running');
      // Started detached, the postmaster leads a process group that its backends and workers share.
      process.kill(which === 'all' ? -postmaster.pid : postmaster.pid, 'SIGKILL');
      while (runningServer(postgres.clusterDir)) await sleep(20);
    },
    async restart() {
      // Its backends go only once they notice the postmaster's death, and until then PostgreSQL refuses to start on
      // the shared memory they hold: try again, as a supervisor would.
      for (const started = Date.now(); ; await sleep(200)) {
        postgres = new EmbeddedPostgres({ dir, port, log: (line) => log.push(line) });
        try {
          await postgres.start();
          return;
        } catch (error) {
          if (Date.now() - started > 20_000) throw error;
        }
      }
    },
    async close() {
      await database.dataSource.destroy().catch(() => undefined);
      await postgres.stop();
      const left = runningServer(postgres.clusterDir);
      if (left) process.kill(left.pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
