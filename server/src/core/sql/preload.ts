import type { Columns } from './projection.js';

/** How a page is read: the columns of its records that the query asks for, and what they lead to. */
export interface PageReading<T> {
  records: Pick<Columns<T>, 'select' | 'hydrate'>;
  includes: ReadonlyArray<Include<T>>;
  /**
   * False when the answer never tells whether more records follow (no `pageInfo` asked): the row past the page, read
   * only for that, is then not read, nor anything built for it.
   */
  readsPastPage?: boolean;
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
