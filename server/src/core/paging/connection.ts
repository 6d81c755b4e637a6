import { ArgsType, type ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

import { BadInputError } from '../errors.js';
import { type PageReading } from '../sql/preload.js';
import { preparedQuery } from '../sql/prepared.js';
import { projection } from '../sql/projection.js';

/** Part of the API's contract (DESIGN.md, and the schema's own descriptions), so not a deployment setting. */
export const MAX_PAGE_SIZE = 100;
/** What a page reads of each record besides what is asked: its place in the list, which its cursor holds. */
export const CURSOR_PROPERTIES = ['createdAt', 'id'];
export const DEFAULT_PAGE_SIZE = 25;

@ObjectType({ description: 'Where a page stands in its list (Relay): whether more follow, and the cursors at its ends.' })
export class PageInfo {
  @Field({
    description:
      'More records follow: pass `endCursor` as `after` to get them. Asked for with `last`, whether it was asked for with `before`.',
  })
  hasNextPage: boolean;

  @Field({
    description:
      'Records come before this page: asked for with `last`, whether more precede it (pass `startCursor` as `before`); ' +
      'with `first`, whether it was asked for with `after`.',
  })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: "The first edge's cursor; null when the page is empty." })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The last edge's cursor, to pass as `after` for the next page; null when the page is empty.",
  })
  endCursor: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Array<Edge<T>>;
  pageInfo: PageInfo;
  /** A getter: counted only when a client asks for it. */
  readonly totalCount: Promise<number>;
}

/** A Relay connection type for a node type: `<Name>Connection` with `<Name>Edge`s. */
export function connectionType<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `One ${name} in a page of a list, with the cursor that marks its place.` })
  class EdgeType {
    @Field({ description: 'Pass as `after` to get the records that follow this one.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${name} at this place in the list.` })
    node: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `One page of a list of ${name} records (a Relay connection), with the total over all pages.`,
  })
  class ConnectionType {
    @Field(() => [EdgeType], { description: 'The records on this page, in list order, each with its cursor.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Whether more records follow, and the cursors to page on with.' })
    pageInfo: PageInfo;

    @Field(() => Int, { description: 'How many records match, over all pages.' })
    totalCount: number;
  }

  return ConnectionType;
}

export enum ListOrder {
  NEWEST_FIRST = 'NEWEST_FIRST',
  OLDEST_FIRST = 'OLDEST_FIRST',
}

registerEnumType(ListOrder, {
  name: 'ListOrder',
  description: 'By when records were created.',
  valuesConfig: {
    NEWEST_FIRST: { description: 'Most recently created first; the default.' },
    OLDEST_FIRST: { description: 'First created first.' },
  },
});

export interface PageRequest {
  first?: number | null;
  after?: string | null;
  last?: number | null;
  before?: string | null;
  order?: ListOrder | null;
}

@ArgsType()
export class PageArgs implements PageRequest {
  @Field(() => Int, {
    nullable: true,
    description: `The first records after \`after\` (or from the start): at most ${MAX_PAGE_SIZE}; ${DEFAULT_PAGE_SIZE} when neither \`first\` nor \`last\` is given.`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the last edge already seen.' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `The last records before \`before\` (or up to the end), in list order: at most ${MAX_PAGE_SIZE}; not with \`first\`.`,
  })
  last?: number | null;

  @Field(() => String, { nullable: true, description: 'The `cursor` of the first edge already seen, to page backwards from.' })
  before?: string | null;
}

@ArgsType()
export class ListArgs extends PageArgs {
  @Field(() => ListOrder, { nullable: true, description: 'NEWEST_FIRST when left out.' })
  order?: ListOrder | null;

  @Field(() => Boolean, { nullable: true, description: 'Staff only: list deleted records too.' })
  includeDeleted?: boolean | null;
}

interface CursorKey {
  /** In a ranked list only: the row's rank, as the list orders it. */
  rank?: number;
  createdAt: string;
  id: string;
}

/** The base64url of the JSON array [rank?, createdAt, id], written as JSON.stringify writes it, without making the array. */
const encodeCursor = (createdAt: string, id: string, rank: number | null): string =>
  Buffer.from(
    rank === null
      ? `[${JSON.stringify(createdAt)},${JSON.stringify(id)}]`
      : `[${JSON.stringify(rank)},${JSON.stringify(createdAt)},${JSON.stringify(id)}]`,
  ).toString('base64url');

/** A cursor of the list it is given to: a ranked list's cursors hold a rank, others do not, so neither passes for the other. */
function decodeCursor(cursor: string, field: string, ranked: boolean): CursorKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[];
    const [rank, createdAt, id] = ranked ? key : [undefined, ...key];
    if (
      Array.isArray(key) &&
      key.length === (ranked ? 3 : 2) &&
      (!ranked || (typeof rank === 'number' && Number.isFinite(rank))) &&
      typeof createdAt === 'string' &&
      typeof id === 'string' &&
      !Number.isNaN(Date.parse(createdAt))
    )
      return { ...(ranked ? { rank: rank as number } : {}), createdAt, id };
  } catch {
    // reported below
  }
  throw new BadInputError([{ field, message: 'is not a cursor this API issued' }]);
}

export function pageSize(first: number | null | undefined, field = 'first'): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 0 || size > MAX_PAGE_SIZE) {
    throw new BadInputError([{ field, message: `must be from 0 to ${MAX_PAGE_SIZE}` }]);
  }
  return size;
}

/** Which way a page is read (Relay): forwards with `first`, backwards with `last`, and how many rows. */
export function pageDirection(page: PageRequest): { backward: boolean; size: number } {
  if (typeof page.first === 'number' && typeof page.last === 'number')
    throw new BadInputError([{ field: 'last', message: 'cannot be given with `first`: page one way at a time' }]);
  const backward = typeof page.last === 'number' || (Boolean(page.before) && typeof page.first !== 'number');
  return { backward, size: backward ? pageSize(page.last, 'last') : pageSize(page.first) };
}

/** A connection's page info from the rows read (one more than the page, if there are more), put in list order. */
export function pageOf<T>(
  rows: T[],
  size: number,
  backward: boolean,
  page: PageRequest,
): { rows: T[]; more: boolean; pageInfo: Omit<PageInfo, 'startCursor' | 'endCursor'> } {
  const more = rows.length > size;
  const kept = rows.slice(0, size);
  if (backward) kept.reverse();
  return {
    rows: kept,
    more,
    pageInfo: backward
      ? { hasNextPage: Boolean(page.before), hasPreviousPage: more }
      : { hasNextPage: more, hasPreviousPage: Boolean(page.after) },
  };
}

const PAGE_COLUMNS = '/* the page columns */';

/** How many page statements are kept built; past it, all are built afresh. */
const MOST_PAGE_QUERIES = 500;
const pageQueries = new Map<string, string>();

/**
 * The page's SQL with its parameters still named, as TypeORM builds it (`getQuery`), kept by what it is built from:
 * building it (every clause, then a pass of regular expressions over the whole text) cost more of a page's time
 * than anything else TypeORM does, and a page's statement differs only by the filters, the visibility, the cursor's
 * presence, the order and the size. A query with anything else in it (a join, a group, a subquery, a lock, a CTE,
 * a condition that is not text) is built each time.
 */
function pageQuery<T extends ObjectLiteral>(query: SelectQueryBuilder<T>): string {
  const map = query.expressionMap;
  const metadata = map.mainAlias?.hasMetadata ? map.mainAlias.metadata : null;
  if (
    !metadata ||
    map.subQuery ||
    map.joinAttributes.length > 0 ||
    map.groupBys.length > 0 ||
    map.havings.length > 0 ||
    map.commonTableExpressions.length > 0 ||
    map.lockMode !== undefined ||
    map.comment !== undefined ||
    map.selectDistinct ||
    map.skip !== undefined ||
    map.offset !== undefined ||
    map.limit !== undefined ||
    map.selects.length !== 1 ||
    !map.wheres.every((where) => typeof where.condition === 'string')
  )
    return query.getQuery();
  const key = [
    metadata.tableName,
    query.alias,
    map.withDeleted,
    map.take,
    map.selects[0]!.selection,
    JSON.stringify(map.orderBys),
    ...map.wheres.map((where) => `${where.type} ${where.condition as string}`),
  ].join('\n');
  let sql = pageQueries.get(key);
  if (sql === undefined) {
    sql = query.getQuery();
    if (pageQueries.size >= MOST_PAGE_QUERIES) pageQueries.clear();
    pageQueries.set(key, sql);
  }
  return sql;
}

/**
 * The page's rows, with one json column per include, as a statement each connection keeps prepared: TypeORM
 * builds the SQL (filters, visibility, cursor, order), the rows are read without its mapping layers.
 */
async function readPage<T extends ObjectLiteral, R>(
  query: SelectQueryBuilder<T>,
  reading: PageReading<R> | undefined,
  rank: string | null,
): Promise<Array<{ node: R; rank: number }>> {
  const manager = query.connection.manager;
  const records: PageReading<R>['records'] =
    reading?.records ?? projection(manager, query.expressionMap.mainAlias!.target as new () => R & ObjectLiteral, query.alias);
  const includes = reading?.includes ?? [];
  const columns = [
    records.select,
    ...(rank ? [`${rank} AS "page_rank"`] : []),
    ...includes.map((include, i) => `${include.sql(`"${query.alias}"`)} AS "include_${i}"`),
  ].join(', ');
  // TypeORM rewrites property names with a pass of regular expressions over the whole statement, which costs in
  // proportion to its length: its select list, written here whole (json of what the records lead to), goes in after.
  query.select(PAGE_COLUMNS);
  const [built, parameters] = query.connection.driver.escapeQueryWithParameters(pageQuery(query), query.getParameters());
  const sql = built.replace(PAGE_COLUMNS, () => columns);
  return (await preparedQuery(manager, sql, parameters)).map((row) => {
    const record = records.hydrate(row);
    includes.forEach((include, i) => include.take(record, row[`include_${i}`]));
    return { node: record, rank: row.page_rank as number };
  });
}

/** What a page's record holds of its place in the list, which its cursor is made of. */
export interface PageRecord {
  id: string;
  createdAt: Date;
}

/**
 * Keyset pagination on (created_at, id), either order and either way (`first`/`after`, `last`/`before`): a cursor names the last row seen, so pages stay correct
 * while records are added. Rows are created with millisecond timestamps, which a cursor holds exactly.
 *
 * With `rank` (SQL over the query's alias, `$`, never null), rows are ranked by it first, highest first, and by
 * creation among equals; the cursor holds the rank too.
 */
export async function paginate<T extends ObjectLiteral & PageRecord, R extends PageRecord = T>(
  query: SelectQueryBuilder<T>,
  page: PageRequest,
  reading?: PageReading<R>,
  rank?: string,
): Promise<Connection<R>> {
  const { backward, size } = pageDirection(page);
  const alias = query.alias;
  // The count is of the list before the cursor bounds it, made only when asked for: most pages never are.
  const listWheres = [...query.expressionMap.wheres];
  const ascending = page.order === ListOrder.OLDEST_FIRST;
  // Negated when creation ascends, so one row comparison in one direction orders the whole key.
  const rankKey = rank ? `(${ascending ? '-' : ''}(${rank.replaceAll('$', `"${alias}"`)}))::float8` : null;
  const bounds = [
    [page.after, 'after', ascending ? '>' : '<'],
    [page.before, 'before', ascending ? '<' : '>'],
  ] as const;
  for (const [cursor, field, comparison] of bounds) {
    if (!cursor) continue;
    const key = decodeCursor(cursor, field, rankKey !== null);
    query.andWhere(
      rankKey
        ? `(${rankKey}, ${alias}.created_at, ${alias}.id) ${comparison} (:${field}Rank, :${field}CreatedAt, :${field}Id)`
        : `(${alias}.created_at, ${alias}.id) ${comparison} (:${field}CreatedAt, :${field}Id)`,
      { [`${field}Rank`]: key.rank, [`${field}CreatedAt`]: key.createdAt, [`${field}Id`]: key.id },
    );
  }
  // Backwards, the rows nearest `before` are read first, then put back in list order.
  const direction = ascending !== backward ? 'ASC' : 'DESC';
  if (rankKey) query.orderBy(rankKey, direction).addOrderBy(`${alias}.createdAt`, direction);
  else query.orderBy(`${alias}.createdAt`, direction);
  query.addOrderBy(`${alias}.id`, direction).take(reading?.readsPastPage === false ? size : size + 1);
  const read = pageOf(size === 0 ? [] : await readPage(query, reading, rankKey), size, backward, page);
  // A cursor is made when asked for: most clients page with `endCursor` and never read the others.
  const edges = read.rows.map(({ node, rank: rankOfRow }) => {
    let cursor: string | undefined;
    return {
      node,
      get cursor() {
        // pageInfo's start and end cursors are their edges' own.
        return (cursor ??= encodeCursor(node.createdAt.toISOString(), node.id, rankKey ? rankOfRow : null));
      },
    };
  });
  let total: Promise<number> | null = null;
  return {
    edges,
    pageInfo: {
      ...read.pageInfo,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    get totalCount() {
      if (!total) {
        const counting = query.clone();
        counting.expressionMap.wheres = listWheres;
        total = counting.getCount();
      }
      return total;
    },
  };
}

/** A sort key of two strings that order as the list does (an ISO time, then an id). */
type ListKey = readonly [string, string];

function decodeListKey(cursor: string, field: string): ListKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === 2 && key.every((part) => typeof part === 'string')) return key as unknown as ListKey;
  } catch {
    // reported below
  }
  throw new BadInputError([{ field, message: 'is not a cursor this API issued' }]);
}

const compareKeys = (a: ListKey, b: ListKey) => (a[0] === b[0] ? (a[1] === b[1] ? 0 : a[1] < b[1] ? -1 : 1) : a[0] < b[0] ? -1 : 1);

/**
 * A page of a list that is worked out whole (the review queue, from each record's history), in the order of `key`:
 * the same cursors, both ways, as a keyset page, so a client pages it like any other connection.
 */
export function pageOfList<T>(items: readonly T[], page: PageRequest, key: (item: T) => ListKey): Connection<T> {
  const { backward, size } = pageDirection(page);
  let within = [...items].sort((a, b) => compareKeys(key(a), key(b)));
  const total = within.length;
  if (page.after) {
    const after = decodeListKey(page.after, 'after');
    within = within.filter((item) => compareKeys(key(item), after) > 0);
  }
  if (page.before) {
    const before = decodeListKey(page.before, 'before');
    within = within.filter((item) => compareKeys(key(item), before) < 0);
  }
  const rows = backward ? within.slice(Math.max(0, within.length - size - 1)).reverse() : within.slice(0, size + 1);
  const read = pageOf(rows, size, backward, page);
  const edges = read.rows.map((node) => ({ node, cursor: Buffer.from(JSON.stringify(key(node))).toString('base64url') }));
  return {
    edges,
    pageInfo: { ...read.pageInfo, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: Promise.resolve(total),
  };
}
