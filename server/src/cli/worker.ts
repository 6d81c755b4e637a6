/**
 * `npm run worker`: works the job queue (batch imports) without serving HTTP, beside servers started with
 * JOBS_IN_SERVER=false or as extra hands. Stops on SIGINT or SIGTERM once the jobs it is running are done.
 */
import 'reflect-metadata';

import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { startJobRunner } from '../jobs/runner.js';

function log(message: string, error?: unknown): void {
  const detail = error instanceof Error ? `: ${error.stack ?? error.message}` : error ? `: ${String(error)}` : '';
  console.log(`[${new Date().toISOString()}] ${message}${detail}`);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const opened = await openDatabase(config);
  const runner = await startJobRunner(opened.database.dataSource, opened.appUrl, config, log);
  log(`Worker running, ${config.jobs.concurrency} job${config.jobs.concurrency === 1 ? '' : 's'} at a time; stop with Ctrl-C`);
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
      log(`${signal}: finishing the jobs running, then stopping`);
      void runner
        .stop()
        .then(() => opened.close())
        .then(() => log('Stopped'))
        .catch((error: unknown) => {
          log('Stop failed', error);
          process.exitCode = 1;
        });
    });
  }
}

main().catch((error: unknown) => {
  log('Worker failed to start', error);
  process.exit(1);
});
