import type { DataSource } from 'typeorm';

import { DomainError, ErrorCode } from '../../core/errors.js';
import { countInWindow, forgetStaleCounts } from './windowed-counts.js';

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
    // The account's counter sorts first ('account' before 'address'), as in succeed(): no two statements wait in a cycle.
    const rows = await countInWindow(
      this.dataSource,
      [
        { scope: 'account', key: accountKey(email) },
        { scope: 'address', key: addressKey(address) },
      ],
      LOGIN_LIMITS.windowMinutes,
    );
    const over = rows.filter((row) => row.attempts > (row.scope === 'account' ? LOGIN_LIMITS.perAccount : LOGIN_LIMITS.perAddress));
    if (over.length === 0) return;
    await this.forgetStale();
    const retryAfterSeconds = Math.max(1, ...over.map((row) => row.secondsLeft));
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many sign-in attempts: try again in ${Math.ceil(retryAfterSeconds / 60)} minutes`, {
      retryAfterSeconds,
    });
  }

  /** After a wrong password or a refusal, both of which a guesser can repeat with a new email each time. */
  forgetStale(): Promise<void> {
    return forgetStaleCounts(this.dataSource, LOGIN_LIMITS.windowMinutes, ['account', 'address']);
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
