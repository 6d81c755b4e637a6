import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * PostgreSQL's transaction snapshot as text (`xmin:xmax:xip,...`). It changes exactly when a transaction that wrote
 * anything ends: the one that ended leaves the in-progress list, or moves `xmax` past it. New transactions and
 * read-only ones leave it as it was. So two equal positions mean nothing was committed in between, from any server.
 * Beside it, the WAL's insert position, read after the snapshot was taken: every commit the snapshot shows was
 * inserted before it, so a standby that has replayed that far shows them all. Not `pg_current_wal_lsn()`: that is
 * the position written out, which a commit made with `synchronous_commit = off` is visible ahead of.
 */
const POSITION = 'SELECT pg_current_snapshot()::text AS snapshot, pg_current_wal_insert_lsn()::text AS lsn';

/** Where the database's committed writes stand: as a snapshot, to compare, and as a WAL position, to route reads by. */
export interface Position {
  snapshot: string;
  lsn: string;
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
export function positionReader(dataSource: DataSource): () => Promise<Position> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return () => pool.query<Position>(POSITION).then(({ rows }) => rows[0]!);
}

export function commitPosition(readPosition: () => Promise<Position>): CommitPosition {
  let running: Promise<Position> | null = null;
  let next: Promise<Position> | null = null;

  const read = (): Promise<Position> => {
    const reading: Promise<Position> = readPosition().finally(() => {
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
