import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import type pg from 'pg';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, type EntityManager, type ObjectLiteral } from 'typeorm';

/** A loader of one row per key, from one query for a whole batch of keys. */
export function oneByKey<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V | null> {
  return new DataLoader<K, V | null>(async (keys) => {
    const byKey = new Map((await fetch(keys)).map((row) => [keyOf(row), row]));
    return keys.map((key) => byKey.get(key) ?? null);
  });
}

/** A loader of all rows per key, from one query for a whole batch of keys. */
export function manyByKey<K, V>(fetch: (keys: readonly K[]) => Promise<V[]>, keyOf: (row: V) => K): DataLoader<K, V[]> {
  return new DataLoader<K, V[]>(async (keys) => {
    const byKey = new Map<K, V[]>();
    for (const row of await fetch(keys)) {
      const key = keyOf(row);
      const list = byKey.get(key);
      if (list) list.push(row);
      else byKey.set(key, [row]);
    }
    return keys.map((key) => byKey.get(key) ?? []);
  });
}

export interface Projection<T> {
  /** The entity's columns, for a SELECT list, each named after its alias and property. */
  select: string;
  /** The entity from a row of a statement that selected `select`. */
  hydrate(row: Record<string, unknown>): T;
}

const projections = new WeakMap<Function, Map<string, Projection<unknown>>>();

/**
 * An entity's columns as a select list for SQL written by hand, and the rows that come back as the entities
 * TypeORM's find would give (dates as their 'YYYY-MM-DD' text, as TypeORM gives them). The hot loaders of a page
 * of nested records use it: TypeORM builds and re-parses its SQL and maps rows through several layers on every
 * call, which cost more than the database did, and it cannot join a second entity in to save a round trip.
 */
export function projection<T extends ObjectLiteral>(manager: EntityManager, entity: new () => T, alias: string): Projection<T> {
  const byAlias = projections.get(entity) ?? new Map<string, Projection<unknown>>();
  projections.set(entity, byAlias);
  const known = byAlias.get(alias);
  if (known) return known as Projection<T>;
  const columns = manager.connection.getMetadata(entity).columns.map((column) => ({
    sql: `${alias}."${column.databaseName}"${column.type === 'date' ? '::text' : ''}`,
    key: `${alias}.${column.propertyName}`,
    property: column.propertyName,
  }));
  const made: Projection<T> = {
    select: columns.map((column) => `${column.sql} AS "${column.key}"`).join(', '),
    hydrate(row) {
      const record = new entity() as Record<string, unknown>;
      for (const column of columns) record[column.property] = row[column.key];
      return record as T;
    },
  };
  byAlias.set(alias, made);
  return made;
}

const statementNames = new Map<string, string>();

/**
 * Runs a statement that each connection keeps prepared, under a name derived from its text: PostgreSQL parses
 * and plans it once per connection instead of on every call, which for the joins of a page of nested records
 * cost about as much as running them. Counted like any statement TypeORM sends; inside a transaction, it runs
 * on the transaction's connection.
 */
export async function preparedQuery<T = Record<string, unknown>>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  let name = statementNames.get(text);
  if (!name) {
    name = `p${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    statementNames.set(text, name);
  }
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  // As TypeORM's own query does: a transaction whose connection died has had its runner released.
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const client = (await runner.connect()) as pg.ClientBase;
  manager.connection.logger.logQuery(text, values, runner);
  try {
    return (await client.query<T & pg.QueryResultRow>({ name, text, values })).rows;
  } catch (error) {
    manager.connection.logger.logQueryError(error as Error, text, values, runner);
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
