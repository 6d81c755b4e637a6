import type { DataSource } from 'typeorm';

import { type ChainHead, chainHeadHash } from '../../core/checkpoints/checkpoint.js';
import { MerkleBuilder } from '../../core/checkpoints/merkle.js';

const FETCH = 10_000;

/** A record's chain head at each of several log positions, in ascending order of position; null before it began. */
export interface HeadsAt {
  recordType: string;
  recordId: string;
  heads: Array<ChainHead | null>;
}

/**
 * Every record's chain head as of each log position, in leaf order, from one statement read through a cursor:
 * the latest revision per record with an id up to the position (DISTINCT ON over the log, sorted once by
 * PostgreSQL), never a query per record. `positions` ascend.
 */
export async function streamChainHeads(
  dataSource: DataSource,
  positions: readonly string[],
  onRecord: (record: HeadsAt) => void,
): Promise<void> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.startTransaction('REPEATABLE READ');
    // The sort spills to disk on a large log when work_mem is small; a checkpoint is rare enough to ask for more.
    await runner.query(`SET LOCAL work_mem = '64MB'`);
    await runner.query(`SET LOCAL statement_timeout = 0`);
    await runner.query(
      `DECLARE chain_heads NO SCROLL CURSOR FOR
         SELECT DISTINCT ON (r.record_type COLLATE "C", r.record_id, p.n) r.record_type, r.record_id::text, p.n, r.version, r.hash
           FROM revisions r JOIN unnest($1::bigint[]) WITH ORDINALITY AS p(position, n) ON r.id <= p.position
          ORDER BY r.record_type COLLATE "C", r.record_id, p.n, r.version DESC`,
      [positions],
    );
    let current: HeadsAt | null = null;
    while (true) {
      const rows = (await runner.query(`FETCH ${FETCH} FROM chain_heads`)) as Array<{
        record_type: string;
        record_id: string;
        n: string;
        version: number;
        hash: string;
      }>;
      for (const row of rows) {
        if (!current || current.recordId !== row.record_id || current.recordType !== row.record_type) {
          if (current) onRecord(current);
          current = { recordType: row.record_type, recordId: row.record_id, heads: positions.map(() => null) };
        }
        current.heads[Number(row.n) - 1] = { recordType: row.record_type, recordId: row.record_id, version: row.version, hash: row.hash };
      }
      if (rows.length < FETCH) break;
    }
    if (current) onRecord(current);
    await runner.commitTransaction();
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  } finally {
    await runner.release();
  }
}

export interface Tree {
  logPosition: string;
  treeSize: number;
  rootHash: string;
}

/** The tree as of each position, in one pass; `each` sees every record's heads on the way, for checks across them. */
export async function treesAt(dataSource: DataSource, positions: readonly string[], each?: (record: HeadsAt) => void): Promise<Tree[]> {
  const builders = positions.map(() => new MerkleBuilder());
  await streamChainHeads(dataSource, positions, (record) => {
    record.heads.forEach((head, i) => head && builders[i]!.add(chainHeadHash(head)));
    each?.(record);
  });
  return builders.map((builder, i) => ({ logPosition: positions[i]!, treeSize: builder.size, rootHash: builder.root().toString('hex') }));
}
