import type { Response } from 'express';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Rows read per statement. A batch and what is looked up for it (evidence, revisions, names) is all an export
 * holds at a time: a few hundred kilobytes of claims, whatever the size of the list.
 */
export const BATCH_SIZE = 500;

/**
 * What an export holds back before it sends anything: more than its first line and opening, so nothing, not even
 * the status, goes out before the first batch has been read. A database that fails then still gets a 503 with
 * Retry-After, where once the status is out the only honest answer left is to cut the connection.
 */
const HELD_BACK = 64 * 1024;

/**
 * The response an export writes to: it holds back the start (HELD_BACK), waits while the client reads slower than
 * the database, and knows when the client left.
 */
export class ExportOutput {
  private closed = false;
  private held: string[] | null = [];
  private heldLength = 0;

  constructor(private readonly res: Response) {
    res.on('close', () => {
      this.closed = true;
    });
  }

  /** The client went away before the end: stop reading. */
  get gone(): boolean {
    return this.closed;
  }

  async write(chunk: string): Promise<void> {
    if (this.held) {
      this.held.push(chunk);
      this.heldLength += chunk.length;
      if (this.heldLength < HELD_BACK) return;
      chunk = this.held.join('');
      this.held = null;
    }
    if (this.closed || this.res.write(chunk)) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve();
      };
      this.res.on('drain', done);
      this.res.on('close', done);
    });
  }

  /** Sends what is held back, if anything still is, and ends the response. */
  end(): void {
    if (this.closed) return;
    this.res.end(this.held?.join(''));
    this.held = null;
  }
}

/**
 * Reads a query in keyset batches, oldest first by (created_at, id): each statement starts after the last row
 * of the one before, so a row that exists throughout comes out exactly once, even while rows are added. The
 * key is carried as PostgreSQL's own text of `created_at`, which keeps its microseconds (a JavaScript Date
 * would not). There is no transaction around the batches: one would hold a pooled connection for as long as
 * a slow client takes to download. Reading stops as soon as `out` is gone.
 */
export async function* keysetBatches<T extends ObjectLiteral & { id: string }>(
  query: SelectQueryBuilder<T>,
  out: Pick<ExportOutput, 'gone'>,
  size = BATCH_SIZE,
): AsyncGenerator<T[]> {
  const alias = query.alias;
  let after: { at: string; id: string } | null = null;
  while (!out.gone) {
    const page = query
      .clone()
      .addSelect(`CAST(${alias}.created_at AS text)`, 'keyset_at')
      .orderBy(`${alias}.createdAt`, 'ASC')
      .addOrderBy(`${alias}.id`, 'ASC')
      .limit(size);
    if (after) {
      page.andWhere(`(${alias}.created_at, ${alias}.id) > (CAST(:keysetAt AS timestamptz), CAST(:keysetId AS uuid))`, {
        keysetAt: after.at,
        keysetId: after.id,
      });
    }
    const { entities, raw } = await page.getRawAndEntities<{ keyset_at: string }>();
    // A client that left while the batch was read gets nothing more looked up or read for it.
    if (out.gone) return;
    if (entities.length > 0) yield entities;
    if (entities.length < size) return;
    after = { at: raw.at(-1)!.keyset_at, id: entities.at(-1)!.id };
  }
}

/**
 * Writes a JSON-LD document whose `@graph` is streamed: the opening as soon as the export starts, then each
 * batch of nodes as it is built, and the closing last.
 */
export async function writeGraph(out: ExportOutput, context: unknown, batches: AsyncIterable<object[]>): Promise<void> {
  await out.write(`{"@context":${JSON.stringify(context)},\n"@graph":[`);
  let separator = '\n';
  for await (const nodes of batches) {
    if (nodes.length === 0) continue;
    await out.write(separator + nodes.map((node) => JSON.stringify(node)).join(',\n'));
    separator = ',\n';
  }
  await out.write('\n]}\n');
}
