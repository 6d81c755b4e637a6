import { createHash } from 'node:crypto';
import DataLoader from 'dataloader';
import type pg from 'pg';
import type { Selection } from './selection.js';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, type EntityManager, type ObjectLiteral, type QueryRunner } from 'typeorm';

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

/** Columns of an entity, as a select list and as one json value. */
export interface Columns<T> {
  /** For a SELECT list, each column named after its alias and property. */
  select: string;
  /** The entity from a row of a statement that selected `select`. */
  hydrate(row: Record<string, unknown>): T;
  /** `select` with each column a null of its type, for the rows of other tables in a UNION with `select`. */
  nulls: string;
  /** `select` again, from a subquery aliased `from` that selected `select` or `nulls`. */
  reselect(from: string): string;
  /** A json array of the columns, for a record nested in another statement's rows. */
  json: string;
  /** The entity from what `json` read. */
  fromJson(value: unknown[]): T;
}

export interface Projection<T> extends Columns<T> {
  /**
   * The columns a selection of the entity's fields reads: a record read with them holds enough for the fields
   * selected and no more, so it is kept with the record that leads to it (`preload`), never shared through a
   * loader. A field that is a column reads it; `needs` names what each other field reads; a field it
   * does not name reads every column, so a resolver added later is never handed a record without what it reads.
   */
  pick(selection: Selection, needs: Needs, also?: readonly string[]): Columns<T>;
  /** An UPDATE's SET list writing these properties' values, as parameters numbered from `firstParameter`. */
  assign(values: Readonly<Record<string, unknown>>, firstParameter: number): { sql: string; values: unknown[] };
}

/**
 * For each field that is not a column of its own name, the properties its resolver reads, or, for a field that
 * returns an object made from several columns, the properties its own selection reads.
 */
export type Needs = Readonly<Record<string, readonly string[] | ((selection: Selection) => readonly string[])>>;

/** How a page is read: the columns of its records that the query asks for, and what they lead to. */
export interface PageReading<T> {
  records: Columns<T>;
  includes: ReadonlyArray<Include<T>>;
}

/**
 * Records a page's records lead to, read in the page's own statement as one json value per record and kept
 * with each record, so that its field resolvers answer without a statement of their own.
 */
export interface Include<T> {
  /** One json value per record, the record's row being `alias` (quoted as SQL needs it). */
  sql(alias: string): string;
  /** Keeps what `sql` read for this record (`preload`). */
  take(record: T, value: unknown): void;
}

const PRELOADED = Symbol('preloaded');

interface Preloading {
  [PRELOADED]?: Record<string, unknown>;
}

/** Keeps what a record's field leads to, read in the record's own statement, for its resolver to answer at once. */
export function preload(record: object, field: string, value: unknown): void {
  ((record as Preloading)[PRELOADED] ??= Object.create(null) as Record<string, unknown>)[field] = value;
}

/**
 * What was read for a record's field with the record, or else what `load` fetches. Answering without a promise
 * matters: each promise in an answer costs the executor more than the field it resolves.
 */
export function preloadedOr<T>(record: object, field: string, load: () => T | Promise<T>): T | Promise<T> {
  const fields = (record as Preloading)[PRELOADED];
  return fields && field in fields ? (fields[field] as T) : load();
}

const TIMESTAMP_TYPES = new Set<unknown>(['timestamptz', 'timestamp with time zone', 'timestamp', Date]);

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
  const metadata = manager.connection.getMetadata(entity);
  // Columns TypeORM does not read either (a search vector) are left out.
  const columns = metadata.columns.filter((column) => column.isSelect).map((column) => ({
    sql: `"${alias}"."${column.databaseName}"${column.type === 'date' ? '::text' : ''}`,
    nullSql: `(NULL::"${metadata.tableName}")."${column.databaseName}"${column.type === 'date' ? '::text' : ''}`,
    name: column.databaseName,
    key: `${alias}.${column.propertyName}`,
    property: column.propertyName,
    timestamp: TIMESTAMP_TYPES.has(column.type) || column.isCreateDate || column.isUpdateDate || column.isDeleteDate,
  }));
  const byProperty = new Map(columns.map((column) => [column.property, column]));
  const every = new Set(byProperty.keys());
  const picks = new Map<string, Columns<T>>();
  const columnsOf = (properties: ReadonlySet<string>): Columns<T> => {
    const picked = columns.filter((column) => properties.has(column.property));
    const key = picked.map((column) => column.property).join(',');
    const known = picks.get(key);
    if (known) return known;
    const made: Columns<T> = {
      select: picked.map((column) => `${column.sql} AS "${column.key}"`).join(', '),
      nulls: picked.map((column) => `${column.nullSql} AS "${column.key}"`).join(', '),
      reselect: (from) => picked.map((column) => `"${from}"."${column.key}"`).join(', '),
      hydrate(row) {
        const record = new entity() as Record<string, unknown>;
        for (const column of picked) record[column.property] = row[column.key];
        return record as T;
      },
      json: `json_build_array(${picked.map((column) => column.sql).join(', ')})`,
      fromJson(value) {
        const record = new entity() as Record<string, unknown>;
        for (let i = 0; i < picked.length; i++) {
          const column = picked[i]!;
          // json carries a timestamp as its text; the entity holds a Date, as TypeORM's reading gives it.
          record[column.property] = column.timestamp && value[i] !== null ? new Date(value[i] as string) : value[i];
        }
        return record as T;
      },
    };
    picks.set(key, made);
    return made;
  };
  const made: Projection<T> = {
    ...columnsOf(every),
    assign(values, firstParameter) {
      const entries = Object.entries(values);
      return {
        sql: entries.map(([property], i) => `"${byProperty.get(property)!.name}" = $${firstParameter + i}`).join(', '),
        values: entries.map(([, value]) => value),
      };
    },
    pick(selection, needs, also = []) {
      const properties = new Set(['id', ...also]);
      for (const field of selection.keys()) {
        if (field === '__typename') continue;
        const need = needs[field];
        const read = typeof need === 'function' ? need(selection.get(field)!) : (need ?? (byProperty.has(field) ? [field] : null));
        if (!read) return columnsOf(every);
        for (const property of read) properties.add(property);
      }
      return columnsOf(properties);
    },
  };
  byAlias.set(alias, made);
  return made;
}

/**
 * How many statement texts are kept prepared. A statement's text follows the fields a query selects, so clients
 * can make any number of them, and every connection would otherwise hold each one's plan for its whole life.
 */
export const MAX_PREPARED_STATEMENTS = 256;

/** The texts kept prepared, least recently run first, with the name each runs under. */
const statementNames = new Map<string, string>();
/** How many texts have stopped being kept prepared, and how many each connection has dropped. */
let retired = 0;
const droppedBy = new WeakMap<object, number>();

function nameOf(text: string): string {
  const name = statementNames.get(text) ?? `p${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
  statementNames.delete(text);
  statementNames.set(text, name);
  if (statementNames.size > MAX_PREPARED_STATEMENTS) {
    statementNames.delete(statementNames.keys().next().value!);
    retired++;
  }
  return name;
}

/** pg's record of what a connection has prepared (`Connection.parsedStatements` in pg 8). */
interface PreparingConnection {
  parsedStatements: Record<string, string>;
}

/** Deallocates what this connection still holds of texts no longer kept, once per retirement. */
async function dropRetired(manager: EntityManager, client: pg.ClientBase, runner: QueryRunner): Promise<void> {
  const connection = (client as unknown as { connection: PreparingConnection }).connection;
  if ((droppedBy.get(connection) ?? 0) === retired) return;
  droppedBy.set(connection, retired);
  const kept = new Set(statementNames.values());
  const stale = Object.keys(connection.parsedStatements).filter((name) => !kept.has(name));
  if (stale.length === 0) return;
  for (const name of stale) delete connection.parsedStatements[name];
  const text = stale.map((name) => `DEALLOCATE "${name}"`).join('; ');
  manager.connection.logger.logQuery(text, [], runner);
  await client.query(text);
}

/**
 * Runs a statement that each connection keeps prepared, under a name derived from its text: PostgreSQL parses
 * and plans it once per connection instead of on every call, which for the joins of a page of nested records
 * cost about as much as running them. Past MAX_PREPARED_STATEMENTS texts, the least recently run is dropped, from
 * each connection as it is next used. Counted like any statement TypeORM sends; inside a transaction, it runs on
 * the transaction's connection.
 */
export async function preparedQuery<T = Record<string, unknown>>(manager: EntityManager, text: string, values: unknown[]): Promise<T[]> {
  const name = nameOf(text);
  const runner = manager.queryRunner ?? manager.connection.createQueryRunner();
  // As TypeORM's own query does: a transaction whose connection died has had its runner released.
  if (runner.isReleased) throw new QueryRunnerAlreadyReleasedError();
  const client = (await runner.connect()) as pg.ClientBase;
  try {
    await dropRetired(manager, client, runner);
    manager.connection.logger.logQuery(text, values, runner);
    return (await client.query<T & pg.QueryResultRow>({ name, text, values })).rows;
  } catch (error) {
    manager.connection.logger.logQueryError(error as Error, text, values, runner);
    throw new QueryFailedError(text, values, error as Error);
  } finally {
    if (!manager.queryRunner) await runner.release();
  }
}
