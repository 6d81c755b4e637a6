import type { EntityManager } from 'typeorm';

/**
 * Locks rows of one table for the rest of the transaction, in the order of their ids. Two transactions that lock
 * overlapping sets this way wait for each other instead of deadlocking, whatever order their work meets the rows
 * in; taken before a write whose foreign key share-locks the same rows, it also spares the share → update upgrade
 * that deadlocks two writers of one row.
 */
export async function lockRowsById(manager: EntityManager, table: string, ids: Iterable<string>): Promise<void> {
  const distinct = [...new Set(ids)];
  if (distinct.length === 0) return;
  await manager.query(`SELECT id FROM ${table} WHERE id = ANY($1) ORDER BY id FOR UPDATE`, [distinct]);
}
