import type { EntityManager } from 'typeorm';

import { BadInputError, DomainError, ErrorCode } from '../errors.js';
import type { WriteContext } from './record-writer.js';

/**
 * Claims the request's retry key in the write's own transaction. A key already claimed by this transaction (an
 * operation of several writes) is fine; one claimed by another means the request was already applied, and this
 * write is refused so that nothing happens twice.
 */
export async function claimIdempotencyKey(manager: EntityManager, context: WriteContext): Promise<void> {
  const claim = context.idempotency;
  if (!claim) return;
  const inserted = (await manager.query(
    `INSERT INTO idempotency_keys (actor, key, fingerprint, txid) VALUES ($1, $2, $3, txid_current())
     ON CONFLICT (actor, key) DO NOTHING RETURNING key`,
    [context.actor, claim.key, claim.fingerprint],
  )) as unknown[];
  if (inserted.length > 0) return;
  const [existing] = (await manager.query(
    `SELECT fingerprint, txid = txid_current() AS ours FROM idempotency_keys WHERE actor = $1 AND key = $2`,
    [context.actor, claim.key],
  )) as Array<{ fingerprint: string; ours: boolean }>;
  if (existing?.ours) return;
  if (existing && existing.fingerprint !== claim.fingerprint) throw keyReused();
  throw new DomainError(
    ErrorCode.CONFLICT,
    'A request with this Idempotency-Key was already applied; read the record for its current state',
    { idempotencyKey: claim.key },
  );
}

export const keyReused = () =>
  new BadInputError([{ field: 'Idempotency-Key', message: 'was already used for a different request: use a new key for a new change' }]);

/**
 * Marks a mutation whose answer holds a secret shown once (a new API key): its answer is never kept for replay,
 * since the replay copy would be the secret stored in the clear.
 */
export const SHOWN_ONCE = 'answerShownOnce';
