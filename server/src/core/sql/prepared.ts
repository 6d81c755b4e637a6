import { createHash } from 'node:crypto';

import type pg from 'pg';
import { type DataSource, type EntityManager, QueryFailedError, type QueryRunner, QueryRunnerAlreadyReleasedError } from 'typeorm';

import { movedToPrimary, sending } from '../../db/read-replicas.js';

/** pg's record of what a connection has prepared (`Connection.parsedStatements` in pg 8). */
interface PreparingConnection {
  parsedStatements: Record<string, string>;
}

/**
 * The statement texts one data source's connections keep prepared, least recently run first, with the name each
 * runs under. Their number is bounded (config `db.maxPreparedStatements`): a statement's text follows the fields
 * a query selects, so clients can make any number of them, and every connection would otherwise hold each one's
 * plan for its whole life.
 */
class PreparedStatements {
  private readonly names = new Map<string, string>();
  /** How many texts have stopped being kept prepared, and how many each connection has dropped. */
  private retired = 0;
  private readonly droppedBy = new WeakMap<object, number>();

  constructor(private readonly max: number) {}

  nameOf(text: string): string {
    const name = this.names.get(text) ?? `p${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    this.names.delete(text);
    this.names.set(text, name);
    if (this.names.size > this.max) {
      this.names.delete(this.names.keys().next().value!);
      this.retired++;
    }
    return name;
  }

  /** Deallocates what this connection still holds of texts no longer kept, once per retirement. */
  async dropRetired(manager: EntityManager, client: pg.ClientBase, runner: QueryRunner): Promise<void> {
    const connection = (client as unknown as { connection: PreparingConnection }).connection;
    if ((this.droppedBy.get(connection) ?? 0) === this.retired) return;
    this.droppedBy.set(connection, this.retired);
    const kept = new Set(this.names.values());
    const stale = Object.keys(connection.parsedStatements).filter((name) => !kept.has(name));
    if (stale.length === 0) return;
    for (const name of stale) delete connection.parsedStatements[name];
    const text = stale.map((name) => `DEALLOCATE "${name}"`).join('; ');
    manager.connection.logger.logQuery(text, [], runner);
    await client.query(text);
  }
}

/** Set per data source by `keepPrepared`; null: statements go unnamed, for a transaction-mode pooler. */
const preparedBy = new WeakMap<DataSource, PreparedStatements | null>();

/**
 * Bounds how many statement texts `preparedQuery` keeps prepared on this data source's connections, or with
 * `named` off keeps none (config `db.preparedStatements`).
 */
export function keepPrepared(dataSource: DataSource, { max, named }: { max: number; named: boolean }): void {
  preparedBy.set(dataSource, named ? new PreparedStatements(max) : null);
}

/**
 * Runs a statement that each connection keeps prepared, under a name derived from its text: PostgreSQL parses
 * and plans it once per connection instead of on every call, which for the joins of a page of nested records
 * cost about as much as running them. Past the data source's bound (`keepPrepared`), the least recently run text
 * is dropped, from each connection as it is next used. Counted like any statement TypeORM sends; inside a
 * transaction, it runs on the transaction's connection. On a data source kept unprepared, it runs unnamed.
 */
export async function preparedQuery<T = Record<string, unknown>>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const statements = preparedBy.get(manager.connection);
  if (statements === undefined)
    throw new Error('preparedQuery needs a data source made by createDataSource, which bounds its prepared statements');
  const name = statements?.nameOf(text);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  // As TypeORM's own query does: a transaction whose connection died has had its runner released.
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  sending(runner, text);
  const client = (await runner.connect()) as pg.ClientBase;
  try {
    await statements?.dropRetired(manager, client, runner);
    manager.connection.logger.logQuery(text, values, runner);
    return (await client.query<T & pg.QueryResultRow>({ name, text, values })).rows;
  } catch (error) {
    // A read a standby failed (db/read-replicas.ts) is sent again, to the primary, on the same runner.
    if (movedToPrimary(runner, error)) return preparedQuery(manager, text, values);
    manager.connection.logger.logQueryError(error as Error, text, values, runner);
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
