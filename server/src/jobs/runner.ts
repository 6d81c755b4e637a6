import { EventEmitter } from 'node:events';

import { run, type Runner, type TaskList, type WorkerEvents } from 'graphile-worker';
import pg from 'pg';
import type { DataSource } from 'typeorm';

import type { Config } from '../config.js';
import { JOB_QUEUE_SCHEMA, queueLogger } from '../db/job-queue.js';
import { IMPORT_ITEM_TASK, ImportBatchesService } from '../modules/ingest/import-batches.service.js';

type Log = (message: string, error?: unknown) => void;

/** Advisory locks this process holds while its workers live: the first key of the pair, the worker's id the second. */
const PRESENCE = `hashtext('provenance-store:job-worker')`;

/** What each task does, made from the services; a task's payload is validated here, at the queue's edge. */
export function taskList(dataSource: DataSource, config: Pick<Config, 'jobs'>): TaskList {
  const importBatches = new ImportBatchesService(dataSource, config.jobs.maxAttempts);
  return {
    [IMPORT_ITEM_TASK]: async (payload, helpers) => {
      const { itemId } = payload as { itemId?: unknown };
      if (typeof itemId !== 'string') throw new Error(`${IMPORT_ITEM_TASK} needs an itemId`);
      await importBatches.runItem(itemId, helpers.job.attempts, helpers.job.max_attempts);
    },
  };
}

export interface JobRunner {
  /** Lets the jobs running finish, takes no more, and closes the queue's connections. */
  stop(): Promise<void>;
}

/**
 * Works the queue in this process with graphile-worker, which locks each job to one worker (`FOR UPDATE SKIP
 * LOCKED`), so a job never runs twice at once, and retries a failed one with exponential backoff.
 *
 * A worker whose process was killed keeps its jobs locked, and graphile-worker frees them only after four hours.
 * So each worker's id is also held as a session advisory lock on a connection of its own, which PostgreSQL releases
 * when the process dies; every runner, at start and then periodically, frees the jobs of workers whose lock it can
 * take, once they have been locked longer than `reclaimAfterMs` (a new worker's lock is taken as it is made).
 */
export async function startJobRunner(
  dataSource: DataSource,
  appUrl: string,
  config: Pick<Config, 'jobs' | 'db'>,
  log: Log,
): Promise<JobRunner> {
  const presence = new pg.Client({ connectionString: appUrl, application_name: 'provenance-store-jobs' });
  // Lost, it releases this process's worker locks: other runners may then free its jobs, whose items' row locks still
  // keep an article from being imported twice. An unhandled error event would end the process.
  presence.on('error', (error) => log("Job queue: the workers' presence connection failed", error));
  await presence.connect();
  const pool = new pg.Pool({
    connectionString: appUrl,
    max: config.jobs.concurrency + 2,
    connectionTimeoutMillis: config.db.connectionTimeoutMs,
    application_name: 'provenance-store-jobs',
  });
  pool.on('error', (error) => log('Job queue: an idle connection failed', error));
  const events: WorkerEvents = new EventEmitter();
  const held = new Set<string>();
  let presenceQueue = Promise.resolve();
  const onPresence = (sql: string, workerId: string) => {
    presenceQueue = presenceQueue.then(
      () => presence.query(sql, [workerId]).then(() => undefined),
      () => undefined,
    );
  };
  events.on('worker:create', ({ worker }) => {
    held.add(worker.workerId);
    onPresence(`SELECT pg_advisory_lock(${PRESENCE}, hashtext($1))`, worker.workerId);
  });
  events.on('worker:stop', ({ worker }) => {
    held.delete(worker.workerId);
    onPresence(`SELECT pg_advisory_unlock(${PRESENCE}, hashtext($1))`, worker.workerId);
  });

  const reclaim = async () => {
    const locked = (await presence.query(
      `SELECT DISTINCT locked_by AS "workerId" FROM ${JOB_QUEUE_SCHEMA}._private_jobs
        WHERE locked_by IS NOT NULL AND locked_at < now() - make_interval(secs => $1::float / 1000)`,
      [config.jobs.reclaimAfterMs],
    )) as { rows: Array<{ workerId: string }> };
    const gone: string[] = [];
    for (const { workerId } of locked.rows) {
      if (held.has(workerId)) continue;
      const { rows } = await presence.query(`SELECT pg_try_advisory_lock(${PRESENCE}, hashtext($1)) AS free`, [workerId]);
      if (!rows[0].free) continue;
      gone.push(workerId);
      await presence.query(`SELECT pg_advisory_unlock(${PRESENCE}, hashtext($1))`, [workerId]);
    }
    if (gone.length === 0) return;
    await presence.query(`SELECT ${JOB_QUEUE_SCHEMA}.force_unlock_workers($1::text[])`, [gone]);
    log(`Job queue: freed the jobs of ${gone.length} worker${gone.length === 1 ? '' : 's'} whose process has gone (${gone.join(', ')})`);
  };
  const reclaimSafely = () => reclaim().catch((error: unknown) => log('Job queue: could not free the jobs of gone workers', error));

  let runner: Runner;
  try {
    await reclaim();
    const requeued = await new ImportBatchesService(dataSource, config.jobs.maxAttempts).requeueOrphans();
    if (requeued > 0)
      log(`Job queue: queued again ${requeued} pending import${requeued === 1 ? '' : 's'} that had no job (a restored backup)`);
    runner = await run({
      pgPool: pool,
      schema: JOB_QUEUE_SCHEMA,
      concurrency: config.jobs.concurrency,
      noHandleSignals: true,
      logger: queueLogger(log),
      events,
      taskList: taskList(dataSource, config),
    });
  } catch (error) {
    await presence.end().catch(() => undefined);
    await pool.end().catch(() => undefined);
    throw error;
  }
  const timer = setInterval(() => void reclaimSafely(), Math.max(config.jobs.reclaimAfterMs / 2, 50));
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await runner.stop();
      await presenceQueue;
      await presence.end().catch(() => undefined);
      await pool.end().catch(() => undefined);
    },
  };
}
