import type { DataSource } from 'typeorm';

import { DomainError, ErrorCode } from '../../core/errors.js';
import type { LoginScope } from './login-attempt.entity.js';

/** Sign-ins allowed in a window: few per account (guessing one password), more per address (a shared office). */
export const LOGIN_LIMITS = { perAccount: 5, perAddress: 30, windowMinutes: 15 } as const;

const accountKey = (email: string) => email.trim().toLowerCase().slice(0, 320);
const addressKey = (address: string) => address.slice(0, 320);

/**
 * Rate-limits password guessing in the database, so the limit holds across every server behind a balancer.
 * An attempt is counted before its password is checked, in the statement that reads the count: a burst of
 * concurrent guesses cannot all read a count from before any of them.
 */
export class LoginLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts an attempt against the account and the address; RATE_LIMITED, before any password is checked, past either limit. */
  async attempt(email: string, address: string): Promise<void> {
    // ON CONFLICT DO UPDATE waits for the row lock and then updates the latest committed count, so counts are exact.
    // Every statement here that holds two rows locks the account's first ('account' sorts before 'address'), so
    // none waits on another in a cycle.
    const rows = (await this.dataSource.query(
      `INSERT INTO login_attempts AS counted (scope, key, window_start, attempts) VALUES ('account', $1, now(), 1), ('address', $2, now(), 1)
       ON CONFLICT (scope, key) DO UPDATE SET
         window_start = CASE WHEN counted.window_start <= now() - make_interval(mins => $3) THEN now() ELSE counted.window_start END,
         attempts = CASE WHEN counted.window_start <= now() - make_interval(mins => $3) THEN 1 ELSE counted.attempts + 1 END
       RETURNING scope, attempts, ceil(extract(epoch FROM window_start + make_interval(mins => $3) - now()))::int AS "secondsLeft"`,
      [accountKey(email), addressKey(address), LOGIN_LIMITS.windowMinutes],
    )) as Array<{ scope: LoginScope; attempts: number; secondsLeft: number }>;
    const over = rows.filter((row) => row.attempts > (row.scope === 'account' ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perAddress));
    if (over.length === 0) return;
    await this.forgetStale();
    const retryAfterSeconds = Math.max(1, ...over.map((row) => row.secondsLeft));
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many sign-in attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
      retryAfterSeconds,
    });
  }

  /** After a wrong password or a refusal, both of which a guesser can repeat with a new email each time: no counter outlives its window by much. */
  async forgetStale(): Promise<void> {
    // Rows an attempt holds are skipped, not waited for: they are about to start a new window anyway.
    await this.dataSource.query(
      `DELETE FROM login_attempts WHERE (scope, key) IN (
         SELECT scope, key FROM login_attempts WHERE window_start <= now() - make_interval(mins => $1) FOR UPDATE SKIP LOCKED)`,
      [LOGIN_LIMITS.windowMinutes],
    );
  }

  /** The right password: the account's earlier failures are forgiven, and the address is not charged for this attempt. */
  async succeed(email: string, address: string): Promise<void> {
    await this.dataSource.query(
      `WITH locked AS (
         SELECT scope, key FROM login_attempts WHERE (scope = 'account' AND key = $1) OR (scope = 'address' AND key = $2) ORDER BY scope FOR UPDATE)
       UPDATE login_attempts AS counted SET attempts = CASE counted.scope WHEN 'account' THEN 0 ELSE greatest(counted.attempts - 1, 0) END
         FROM locked WHERE counted.scope = locked.scope AND counted.key = locked.key`,
      [accountKey(email), addressKey(address)],
    );
  }
}
