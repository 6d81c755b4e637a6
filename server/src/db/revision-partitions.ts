import type { DataSource } from 'typeorm';

/** Often enough that two widths of ids (two million revisions) cannot be written in between. */
const UPKEEP_MS = 60 * 60 * 1000;

/**
 * Makes the revision log's partitions ahead of need (migration PartitionedRevisions): the database function does
 * the work as the schema's owner, so the server's role needs no right to create tables. Answers how many it made.
 */
export async function ensureRevisionPartitions(dataSource: DataSource): Promise<number> {
  const [{ made }] = (await dataSource.query(`SELECT ensure_revision_partitions() AS made`)) as [{ made: number }];
  return made;
}

/** Runs `ensureRevisionPartitions` now and every hour on every server; two at once queue on its lock. Returns the stop. */
export function startRevisionPartitionUpkeep(dataSource: DataSource, log: (message: string, error?: unknown) => void): () => void {
  const upkeep = () =>
    ensureRevisionPartitions(dataSource)
      .then((made) => {
        if (made > 0) log(`Made ${made} partition${made === 1 ? '' : 's'} of the revision log ahead of need`);
      })
      .catch((error: unknown) => log('Making revision log partitions failed; the next hour tries again', error));
  void upkeep();
  const timer = setInterval(() => void upkeep(), UPKEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
