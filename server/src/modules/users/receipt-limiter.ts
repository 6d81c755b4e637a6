import type { DataSource } from 'typeorm';

import { DomainError, ErrorCode } from '../../core/errors.js';
import { countInWindow, forgetStaleCounts } from './windowed-counts.js';

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
    const [row] = await countInWindow(this.dataSource, [{ scope: 'receipt', key: address }], RECEIPT_LIMITS.windowMinutes);
    if (row!.attempts <= RECEIPT_LIMITS.perAddress) return;
    await forgetStaleCounts(this.dataSource, RECEIPT_LIMITS.windowMinutes, ['receipt']);
    const retryAfterSeconds = Math.max(1, row!.secondsLeft);
    throw new DomainError(ErrorCode.RATE_LIMITED, `Too many receipts from this address: try again in ${retryAfterSeconds} seconds`, {
      retryAfterSeconds,
    });
  }
}
