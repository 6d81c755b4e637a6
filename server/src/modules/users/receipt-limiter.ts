import type { DataSource } from 'typeorm';

import { DomainError, ErrorCode } from '../../core/errors.js';

/**
 * Receipts one address may fetch anonymously in a window. A receipt reads a record's whole history and its sources'
 * snapshots: a reader following links fetches a few a minute, a scraper thousands; staff and API keys are not counted.
 */
export const RECEIPT_LIMITS = { perAddress: 30, windowMinutes: 1 } as const;

/** Counts anonymous receipt requests per address in the database, as LoginLimiter counts sign-ins, so every server shares the count. */
export class ReceiptLimiter {
  constructor(private readonly dataSource: DataSource) {}

  /** Counts one request; RATE_LIMITED, with the seconds left in the window, past the limit. */
  async request(address: string): Promise<void> {
    const [row] = (await this.dataSource.query(
      `INSERT INTO login_attempts AS counted (scope, key, window_start, attempts) VALUES ('receipt', $1, now(), 1)
       ON CONFLICT (scope, key) DO UPDATE SET
         window_start = CASE WHEN counted.window_start <= now() - make_interval(mins => $2) THEN now() ELSE counted.window_start END,
         attempts = CASE WHEN counted.window_start <= now() - make_interval(mins => $2) THEN 1 ELSE counted.attempts + 1 END
       RETURNING attempts, ceil(extract(epoch FROM window_start + make_interval(mins => $2) - now()))::int AS "secondsLeft"`,
      [address.slice(0, 320), RECEIPT_LIMITS.windowMinutes],
    )) as Array<{ attempts: number; secondsLeft: number }>;
    if (row!.attempts <= RECEIPT_LIMITS.perAddress) return;
    // Addresses come and go; no counter outlives its window by much (rows being counted are skipped, not waited for).
    await this.dataSource.query(
      `DELETE FROM login_attempts WHERE (scope, key) IN (
         SELECT scope, key FROM login_attempts WHERE scope = 'receipt' AND window_start <= now() - make_interval(mins => $1) FOR UPDATE SKIP LOCKED)`,
      [RECEIPT_LIMITS.windowMinutes],
    );
    const retryAfterSeconds = Math.max(1, row!.secondsLeft);
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many receipts from this address: try again in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
    });
  }
}
