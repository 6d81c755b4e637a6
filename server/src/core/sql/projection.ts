import type { EntityManager, ObjectLiteral } from 'typeorm';

import { needsOf } from './needs.js';
import type { Selection } from './selection.js';

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
   * loader. A field that is a column reads it; each other field reads what its resolver declares (`Reads`); a
   * field that declares nothing reads every column, so a resolver added later is never handed a record without
   * what it reads.
   */
  pick(selection: Selection, also?: readonly string[]): Columns<T>;
  /** An UPDATE's SET list writing these properties' values, as parameters numbered from `firstParameter`. */
  assign(values: Readonly<Record<string, unknown>>, firstParameter: number): { sql: string; values: unknown[] };
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
  const columns = metadata.columns
    .filter((column) => column.isSelect)
    .map((column) => ({
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
    pick(selection, also = []) {
      const needs = needsOf(entity);
      const properties = new Set(['id', ...also]);
      for (const field of selection.keys()) {
        if (field === '__typename') continue;
        const need = needs.get(field);
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
