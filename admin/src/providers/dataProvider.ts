import type {
  CreateResult,
  DataProvider,
  DeleteResult,
  GetListParams,
  GetListResult,
  GetManyResult,
  GetOneResult,
  Identifier,
  RaRecord,
  UpdateResult,
} from 'react-admin';

import type { ReviewInput } from '../gql/graphql';
import { auditOperations } from './audit';
import { allDocument, listDocument, manyDocument, oneDocument, searchDocument, writeDocument, type WriteVerb } from './documents';
import { apiError, isApiError, request } from './graphql';
import { CursorBook, listKey } from './keyset';
import { operations } from './operations';
import { type ResourceDefinition, resourceDefinition, toRecord } from './resources';

const cursors = new CursorBook();
/** The API refuses aliases beyond 30 in one query. */
const MANY_PER_QUERY = 25;

/** A row as the API answers it, before `toRecord` makes it a form-ready record. */
type Node = RaRecord;

interface Connection<N> {
  edges: Array<{ node: N }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const defined = (value: unknown) => value !== undefined && value !== '';

/** Turns the console's filter form into the API's filter input, root arguments and search words. */
function splitFilter(definition: ResourceDefinition, filter: Record<string, unknown>) {
  const { q, includeDeleted, dateFrom, dateTo, ...rest } = filter;
  const apiFilter: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(rest)) {
    if (!defined(value) || (Array.isArray(value) && value.length === 0)) continue;
    apiFilter[key] = definition.listFilters?.includes(key) && !Array.isArray(value) ? [value] : value;
  }
  if (dateFrom || dateTo) apiFilter.date = { from: dateFrom || '0001-01-01', to: dateTo || '9999-12-31' };
  return { q: typeof q === 'string' && q.trim() ? q.trim() : null, includeDeleted: includeDeleted === true, apiFilter };
}

async function getConnectionPage(resource: string, definition: ResourceDefinition, params: GetListParams) {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const order = params.sort?.field === 'createdAt' && params.sort.order === 'ASC' ? 'OLDEST_FIRST' : 'NEWEST_FIRST';
  const { q, includeDeleted, apiFilter } = splitFilter(definition, params.filter ?? {});
  const searching = q !== null && definition.searchType !== undefined;
  const list = listKey(resource, [searching ? q : apiFilter, order, perPage, includeDeleted]);

  const fetchPage = async (after: string | null, selection: string) => {
    if (searching) {
      const data = await request<{ search: Connection<{ record: Node }> }>(searchDocument(definition, selection), {
        q,
        first: perPage,
        after,
      });
      return { nodes: data.search.edges.map((edge) => edge.node.record), pageInfo: data.search.pageInfo, totalCount: undefined };
    }
    const data = await request<{ list: Connection<Node> & { totalCount: number } }>(listDocument(definition, selection), {
      filter: apiFilter,
      first: perPage,
      after,
      order,
      includeDeleted,
    });
    return { nodes: data.list.edges.map((edge) => edge.node), pageInfo: data.list.pageInfo, totalCount: data.list.totalCount };
  };

  let { page: from, after } = cursors.known(list, page);
  for (; from < page; from += 1) {
    const skipped = await fetchPage(after, 'id');
    cursors.remember(list, from, skipped.pageInfo.endCursor);
    after = skipped.pageInfo.endCursor;
    if (!skipped.pageInfo.hasNextPage)
      return { data: [], total: skipped.totalCount, pageInfo: { hasNextPage: false, hasPreviousPage: true } };
  }
  const result = await fetchPage(after, definition.listFields);
  cursors.remember(list, page, result.pageInfo.endCursor);
  const data = result.nodes.map((node) => toRecord(definition, node));
  if (result.totalCount !== undefined) return { data, total: result.totalCount };
  // Search answers no count, but its last page tells it: without one, react-admin shows an empty search as "1-25 of 25".
  if (!result.pageInfo.hasNextPage) return { data, total: (page - 1) * perPage + data.length };
  return { data, pageInfo: { hasNextPage: true, hasPreviousPage: page > 1 } };
}

/** Users, keys and a record's notes are short lists: fetched whole, then filtered and paged here. */
/** Every row of a short list (or of one record's rows), read page after page. */
async function readWhole(definition: ResourceDefinition, selection: string, byTarget: boolean, variables: Record<string, unknown> = {}) {
  const nodes: Node[] = [];
  let after: string | null = null;
  for (;;) {
    const { all }: { all: { edges: Array<{ node: Node }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } = await request(
      allDocument(definition, selection, byTarget),
      { ...variables, after },
    );
    nodes.push(...all.edges.map((edge) => edge.node));
    if (!all.pageInfo.hasNextPage) return nodes;
    after = all.pageInfo.endCursor;
  }
}

async function getArrayPage(definition: ResourceDefinition, params: GetListParams) {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const { q, targetType, targetId, ...rest } = params.filter ?? {};
  const byTarget = definition.byTarget !== undefined && targetId !== undefined;
  const all = await readWhole(definition, definition.listFields, byTarget, byTarget ? { targetType, targetId } : {});
  let rows = all.map((node) => toRecord(definition, node));
  if (typeof q === 'string' && q.trim()) {
    const words = q.trim().toLowerCase();
    rows = rows.filter((row) => JSON.stringify(row).toLowerCase().includes(words));
  }
  for (const [key, value] of Object.entries(rest)) {
    if (defined(value))
      rows = rows.filter((row) => (Array.isArray(row[key]) ? (row[key] as unknown[]).includes(value) : row[key] === value));
  }
  if (params.sort?.field) {
    const { field, order } = params.sort;
    rows.sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')) * (order === 'ASC' ? 1 : -1));
  }
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
}

async function getOne(definition: ResourceDefinition, id: Identifier, extra: { asOf?: string } = {}) {
  if (!definition.one) {
    const found = (await readWhole(definition, definition.fields, false)).find((row) => row.id === id);
    if (!found) throw apiError(`No ${definition.typeName} ${id}`, 404, { code: 'NOT_FOUND' });
    return toRecord(definition, found);
  }
  const data = await request<{ one: Node | null }>(oneDocument(definition), { id, asOf: extra.asOf ?? null });
  if (!data.one) throw apiError(`No ${definition.typeName} ${id} that you may see`, 404, { code: 'NOT_FOUND' });
  return toRecord(definition, data.one);
}

function inputOf(fields: string[], data: Record<string, unknown>) {
  return Object.fromEntries(
    fields.filter((field) => data[field] !== undefined).map((field) => [field, data[field] === '' ? null : data[field]]),
  );
}

const mutate = async (definition: ResourceDefinition, verb: WriteVerb, input: Record<string, unknown>) =>
  (await request<{ result: Node }>(writeDocument(definition, verb), { input })).result;

/** The API names the field it refused; the form shows the message on the input that holds it. */
async function write<T>(definition: ResourceDefinition, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isApiError(error) && error.body.errors && definition.errorInputs) {
      const inputs = definition.errorInputs;
      const errors: Record<string, string | Record<string, string>> = {};
      for (const [field, message] of Object.entries(error.body.errors)) {
        if (typeof message !== 'string') continue;
        const [parent, child] = (inputs[field] ?? field).split('.');
        if (child) errors[parent!] = { ...(errors[parent!] as Record<string, string> | undefined), [child]: message };
        else errors[parent!] = message;
      }
      error.body.errors = errors;
    }
    throw error;
  }
}

/**
 * react-admin types each method by the record type its caller expects (`useGetOne<Claim>`); the rows are what the
 * resource's definition selected, so the methods take the caller's word for it.
 */
async function getList<R extends RaRecord = RaRecord>(resource: string, params: GetListParams): Promise<GetListResult<R>> {
  const definition = resourceDefinition(resource);
  const whole = definition.list.kind === 'array' || (definition.byTarget !== undefined && params.filter?.targetId !== undefined);
  return (await (whole ? getArrayPage(definition, params) : getConnectionPage(resource, definition, params))) as GetListResult<R>;
}

export const dataProvider = {
  getList,

  async getOne<R extends RaRecord = RaRecord>(
    resource: string,
    params: { id: Identifier; meta?: { asOf?: string } },
  ): Promise<GetOneResult<R>> {
    return { data: (await getOne(resourceDefinition(resource), params.id, params.meta)) as R };
  },

  async getMany<R extends RaRecord = RaRecord>(resource: string, params: { ids: Identifier[] }): Promise<GetManyResult<R>> {
    const definition = resourceDefinition(resource);
    if (!definition.one) {
      const all = await getArrayPage(definition, {
        pagination: { page: 1, perPage: 1000 },
        sort: { field: 'id', order: 'ASC' },
        filter: {},
      });
      return { data: all.data.filter((row) => params.ids.includes(row.id)) as R[] };
    }
    const ids = [...new Set(params.ids.filter(Boolean))];
    const data: RaRecord[] = [];
    for (let i = 0; i < ids.length; i += MANY_PER_QUERY) {
      const chunk = ids.slice(i, i + MANY_PER_QUERY);
      const found = await request<Record<string, Node | null>>(
        manyDocument(definition, chunk.length),
        Object.fromEntries(chunk.map((id, n) => [`id${n}`, id])),
      );
      for (let n = 0; n < chunk.length; n += 1) {
        const node = found[`r${n}`];
        if (node) data.push(toRecord(definition, node));
      }
    }
    return { data: data as R[] };
  },

  async getManyReference<R extends RaRecord = RaRecord>(resource: string, params: GetListParams & { target: string; id: Identifier }) {
    return getList<R>(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },

  async create<R extends RaRecord = RaRecord>(resource: string, params: { data: Record<string, unknown> }): Promise<CreateResult<R>> {
    const definition = resourceDefinition(resource);
    if (!definition.create) throw new Error(`${definition.typeName} records are not created here`);
    const { fields, result } = definition.create;
    const input = inputOf(fields, definition.toInput ? definition.toInput(params.data) : params.data);
    if (params.data.reason) input.reason = params.data.reason;
    const created = await write(definition, () => mutate(definition, 'create', input));
    cursors.forget(resource);
    return { data: (result ? result(created) : toRecord(definition, created)) as R };
  },

  /** Sends only what the editor changed, against the version they read: a stale one comes back as CONFLICT. */
  async update<R extends RaRecord = RaRecord>(
    resource: string,
    params: { id: Identifier; data: Record<string, unknown>; previousData: RaRecord; meta?: { expectedVersion?: number } },
  ): Promise<UpdateResult<R>> {
    const definition = resourceDefinition(resource);
    if (!definition.writes.includes('update')) throw new Error(`${definition.typeName} records are not edited here`);
    const changed = changedFields(definition, definition.toInput ? definition.toInput(params.data) : params.data, params.previousData);
    const input = {
      id: params.id,
      expectedVersion: params.meta?.expectedVersion ?? params.previousData.version,
      reason: params.data.reason || null,
      ...changed,
    };
    const updated = await write(definition, () => mutate(definition, 'update', input));
    cursors.forget(resource);
    return { data: toRecord(definition, updated) as R };
  },

  async updateMany(): Promise<never> {
    throw new Error('Records are changed one at a time, each with its own edit summary.');
  },

  async delete<R extends RaRecord = RaRecord>(
    resource: string,
    params: { id: Identifier; previousData?: RaRecord; meta?: { reason?: string } },
  ): Promise<DeleteResult<R>> {
    const definition = resourceDefinition(resource);
    if (!definition.writes.includes('delete')) throw new Error(`${definition.typeName} records are not deleted here`);
    const reason = params.meta?.reason?.trim();
    if (!reason) throw apiError('Say why it is deleted.', 400, { code: 'BAD_USER_INPUT', errors: { reason: 'Required' } });
    const input = { id: params.id, expectedVersion: params.previousData?.version, reason };
    const deleted = await mutate(definition, 'delete', input);
    cursors.forget(resource);
    return { data: toRecord(definition, deleted) as R };
  },

  async deleteMany(): Promise<never> {
    throw new Error('Records are deleted one at a time, each with its reason.');
  },

  async restore<R extends RaRecord = RaRecord>(
    resource: string,
    params: { id: Identifier; version: number; reason?: string },
  ): Promise<{ data: R }> {
    const definition = resourceDefinition(resource);
    if (!definition.writes.includes('restore')) throw new Error(`${definition.typeName} records are not restored here`);
    const restored = await mutate(definition, 'restore', { id: params.id, expectedVersion: params.version, reason: params.reason ?? null });
    cursors.forget(resource);
    return { data: toRecord(definition, restored) as R };
  },

  ...operations,
  ...auditOperations,

  /** A decision changes the status lists filter on. */
  async review(input: ReviewInput) {
    const result = await operations.review(input);
    cursors.forget('claims');
    cursors.forget('events');
    return result;
  },
} satisfies DataProvider & Record<string, unknown>;

export type RevisionRow = Awaited<ReturnType<typeof operations.revisions>>[number];

export type ConsoleDataProvider = typeof dataProvider;

/** The fields an editor changed, compared with the record as they loaded it. */
export function changedFields(definition: ResourceDefinition, data: Record<string, unknown>, previous: Record<string, unknown>) {
  const changed: Record<string, unknown> = {};
  for (const field of definition.editable) {
    if (data[field] === undefined) continue;
    const value = data[field] === '' ? null : data[field];
    if (!same(value, previous[field])) changed[field] = value;
  }
  return changed;
}
