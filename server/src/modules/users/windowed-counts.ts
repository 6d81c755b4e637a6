import type { DataSource } from 'typeorm';

import type { LoginScope } from './login-attempt.entity.js';

export interface WindowedCount {
  scope: LoginScope;
  attempts: number;
  secondsLeft: number;
}

/**
 * Counts one attempt against each (scope, key) in its current window, in the statement that reads the counts, so a
 * concurrent burst cannot all read a count from before any of them, and every server behind a balancer shares them.
 * ON CONFLICT DO UPDATE waits for the row lock and updates the latest committed count; callers pass their counters in
 * scope order so that no two statements wait on each other in a cycle.
 */
export async function countInWindow(
  dataSource: DataSource,
  counters: Array<{ scope: LoginScope; key: string }>,
  windowMinutes: number,
): Promise<WindowedCount[]> {
  const values = counters.map((_, i) => `($${2 * i + 2}, $${2 * i + 3}, now(), 1)`).join(', ');
  return (await dataSource.query(
    `INSERT INTO login_attempts AS counted (scope, key, window_start, attempts) VALUES ${values}
     ON CONFLICT (scope, key) DO UPDATE SET
       window_start = CASE WHEN counted.window_start <= now() - make_interval(mins => $1) THEN now() ELSE counted.window_start END,
       attempts = CASE WHEN counted.window_start <= now() - make_interval(mins => $1) THEN 1 ELSE counted.attempts + 1 END
     RETURNING scope, attempts, ceil(extract(epoch FROM window_start + make_interval(mins => $1) - now()))::int AS "secondsLeft"`,
    [windowMinutes, ...counters.flatMap(({ scope, key }) => [scope, key.slice(0, 320)])],
  )) as WindowedCount[];
}

/** Keys come and go: no counter outlives its window by much. Rows being counted are skipped, not waited for. */
export async function forgetStaleCounts(dataSource: DataSource, windowMinutes: number, scopes: LoginScope[]): Promise<void> {
  await dataSource.query(
    `DELETE FROM login_attempts WHERE (scope, key) IN (
       SELECT scope, key FROM login_attempts WHERE scope = ANY($2) AND window_start <= now() - make_interval(mins => $1) FOR UPDATE SKIP LOCKED)`,
    [windowMinutes, scopes],
  );
}
