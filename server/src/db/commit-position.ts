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
const POSITION = `SELECT pg_current_snapshot()::text AS snapshot, log_xact_offset()::text AS "offset",
  pg_current_wal_insert_lsn()::text AS lsn`;

/**
 * Whether a transaction that wrote a revision is visible in the later snapshot ($2) and was not in the earlier one
 * ($1): begun at or after the earlier one's xmax, or running in it. Asked only when the snapshot moved, as planning it
 * over every partition of the log costs more than the position itself.
 */
const RECORDS_CHANGED = `SELECT EXISTS (
    SELECT 1 FROM revisions r
     WHERE r.xact_id >= pg_snapshot_xmax($1::text::pg_snapshot)::text::bigint + $3::bigint
       AND r.xact_id < pg_snapshot_xmax($2::text::pg_snapshot)::text::bigint + $3::bigint
       AND pg_visible_in_snapshot((r.xact_id - $3::bigint)::text::xid8, $2::text::pg_snapshot)
  ) OR EXISTS (
    SELECT 1 FROM pg_snapshot_xip($1::text::pg_snapshot) AS running (xid)
     WHERE pg_visible_in_snapshot(running.xid, $2::text::pg_snapshot)
       AND EXISTS (SELECT 1 FROM revisions r WHERE r.xact_id = running.xid::text::bigint + $3::bigint)
  ) AS "recordsChanged"`;

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

/**
 * Reads the position on one of the pool's connections, around TypeORM: it is the cheapest statement a request sends.
 * When the snapshot moved, a second statement asks whether a record changed between the two.
 */
export function positionReader(dataSource: DataSource): (since: Look | null) => Promise<Position> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return async (since) => {
    const { rows } = await pool.query<Look & { lsn: string }>(POSITION);
    const now = rows[0]!;
    if (since === null || since.offset !== now.offset) return { ...now, since, recordsChanged: true };
    if (since.snapshot === now.snapshot) return { ...now, since, recordsChanged: false };
    const changed = await pool.query<{ recordsChanged: boolean }>(RECORDS_CHANGED, [since.snapshot, now.snapshot, now.offset]);
    return { ...now, since, recordsChanged: changed.rows[0]!.recordsChanged };
  };
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
