import type pg from 'pg';
import type { DataSource } from 'typeorm';

/**
 * PostgreSQL's transaction snapshot as text (`xmin:xmax:xip,...`). It changes exactly when a transaction that wrote
 * anything ends: the one that ended leaves the in-progress list, or moves `xmax` past it. New transactions and
 * read-only ones leave it as it was. So two equal positions mean nothing was committed in between, from any server.
 */
const POSITION = 'SELECT pg_current_snapshot()::text AS position';

/** Where the database's committed writes stand, asked afresh for each caller. */
export interface CommitPosition {
  /**
   * The position read by a statement that began after this call: every write committed before the call, on any
   * server, is behind it. Callers that come while one read is under way share the next one, so a burst of
   * requests costs one statement per round trip, not one each.
   */
  now(): Promise<string>;
}

/** Reads the position on one of the pool's connections, around TypeORM: it is the cheapest statement a request sends. */
export function positionReader(dataSource: DataSource): () => Promise<string> {
  const pool = (dataSource.driver as unknown as { master: pg.Pool }).master;
  return () => pool.query<{ position: string }>(POSITION).then(({ rows }) => rows[0]!.position);
}

export function commitPosition(readPosition: () => Promise<string>): CommitPosition {
  let running: Promise<string> | null = null;
  let next: Promise<string> | null = null;

  const read = (): Promise<string> => {
    const reading: Promise<string> = readPosition().finally(() => {
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
