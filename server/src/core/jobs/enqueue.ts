import type { EntityManager } from 'typeorm';

/**
 * Puts a job on the queue in the caller's transaction, through graphile-worker's own SQL function: the job exists
 * exactly when the rows it works on were committed. A job key makes adding it twice one job.
 */
export async function enqueueJob(
  manager: EntityManager,
  task: string,
  payload: Record<string, unknown>,
  options: { jobKey: string; maxAttempts: number },
): Promise<void> {
  await manager.query(`SELECT graphile_worker.add_job($1, $2::json, job_key => $3, max_attempts => $4)`, [
    task,
    JSON.stringify(payload),
    options.jobKey,
    options.maxAttempts,
  ]);
}
