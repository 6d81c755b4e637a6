import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * Where the database's commits stand, and whether any of them changed a record since an earlier look.
 *
 * The snapshot (`xmin:xmax:xip,...`) changes whenever a transaction that wrote anything ends, from any server:
 * a session renewed, a sign-in counted, a job claimed, an ANALYZE, a checkpoint. Records change only with a
 * revision (invariant 1), and each revision keeps the id of the transaction that wrote it, so the transactions
 * that committed between two snapshots (begun after the earlier one's xmax, or running in it, and visible in the
 * later one) changed a record exactly when one of them wrote a revision. A restore moves the log's transaction ids
 * by a new offset (migration FeedAcrossRestores), which counts as a change.
 * Beside it, the WAL's insert position, read after the snapshot was taken: every commit the snapshot shows was
 * inserted before it, so a standby that has replayed that far shows them all. Not `pg_current_wal_lsn()`: that is
 * the position written out, which a commit made with `synchronous_commit = off` is visible ahead of.
 */
const POSITION = `WITH now AS (SELECT pg_current_snapshot() AS snap, log_xact_offset() AS off)
SELECT now.snap::text AS snapshot, now.off::text AS "offset", pg_current_wal_insert_lsn()::text AS lsn,
  CASE
    WHEN $1::text IS NULL OR $2::bigint <> now.off THEN true
    WHEN $1::text = now.snap::text THEN false
    ELSE EXISTS (
        SELECT 1 FROM revisions r
         WHERE r.xact_id >= pg_snapshot_xmax($1::text::pg_snapshot)::text::bigint + now.off
           AND r.xact_id < pg_snapshot_xmax(now.snap)::text::bigint + now.off
           AND pg_visible_in_snapshot((r.xact_id - now.off)::text::xid8, now.snap)
      ) OR EXISTS (
        SELECT 1 FROM pg_snapshot_xip($1::text::pg_snapshot) AS running (xid)
         WHERE pg_visible_in_snapshot(running.xid, now.snap)
           AND EXISTS (SELECT 1 FROM revisions r WHERE r.xact_id = running.xid::text::bigint + now.off)
      )
  END AS "recordsChanged"
FROM now`;

/** A look at where the commits stand, compared with the look it was asked against. */
export interface Position {
  snapshot: string;
  /** The log's transaction-id offset (a restore moves it). */
  offset: string;
  lsn: string;
  /** The look this one was compared with, or null for none. */
  since: Look | null;
  /** Whether a transaction that wrote a revision committed between `since` and this look (true without `since`). */
  recordsChanged: boolean;
}

/** What a later look compares against. */
export interface Look {
  snapshot: string;
  offset: string;
}

/** Where the database's committed writes stand, asked afresh for each caller. */
export interface CommitPosition {
  /**
   * The position read by a statement that began after this call: every write committed before the call, on any
   * server, is behind it. Callers that come while one read is under way share the next one, so a burst of
   * requests costs one statement per round trip, not one each.
   */
  now(): Promise<Position>;
}

/** Reads the position on one of the pool's connections, around TypeORM: it is the cheapest statement a request sends. */
export function positionReader(dataSource: DataSource): (since: Look | null) => Promise<Position> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return (since) =>
    pool
      .query<Omit<Position, 'since'>>(POSITION, [since?.snapshot ?? null, since?.offset ?? null])
      .then(({ rows }) => ({ ...rows[0]!, since }));
}

/** `since` is asked when each read begins: the look the reader's caller last took in. */
export function commitPosition(
  readPosition: (since: Look | null) => Promise<Position>,
  since: () => Look | null = () => null,
): CommitPosition {
  let running: Promise<Position> | null = null;
  let next: Promise<Position> | null = null;

  const read = (): Promise<Position> => {
    const reading: Promise<Position> = readPosition(since()).finally(() => {
      if (running === reading) running = null;
    });
    running = reading;
    return reading;
  };
  return {
    now() {
      if (!running) return read();
      // The read under way may have taken its snapshot before this caller came, and so miss a write it saw commit.
      next ??= running
        .catch(() => undefined)
        .then(() => {
          next = null;
          return read();
        });
      return next;
    },
  };
}
