import type { DataProvider, GetListParams, Identifier, RaRecord } from 'react-admin';
import { apiError, graphql, isApiError } from './graphql';
import { CursorBook, listKey } from './keyset';
import { inputTypeOf, mutationOf, resourceDefinition, toRecord, type RecordTypeName, type ResourceDefinition } from './resources';

const cursors = new CursorBook();
/** The API refuses aliases beyond 30 in one query. */
const MANY_PER_QUERY = 25;

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
const defined = (value: unknown) => value !== undefined && value !== '';

/** Turns the console's filter form into the API's filter input, root arguments and search words. */
function splitFilter(definition: ResourceDefinition, filter: Record<string, any>) {
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
  if (definition.list.kind !== 'connection') throw new Error('not a connection');
  const { field, filterType } = definition.list;
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const order = params.sort?.field === 'createdAt' && params.sort.order === 'ASC' ? 'OLDEST_FIRST' : 'NEWEST_FIRST';
  const { q, includeDeleted, apiFilter } = splitFilter(definition, params.filter ?? {});
  const searching = q !== null && definition.searchType !== undefined;
  const list = listKey(resource, [searching ? q : apiFilter, order, perPage, includeDeleted]);

  const fetchPage = async (after: string | null, selection: string) => {
    if (searching) {
      const data = await graphql(
        `query Search($q: String!, $first: Int!, $after: String) {
          search(query: $q, types: [${definition.searchType}], first: $first, after: $after) {
            edges { cursor node { record { ... on ${definition.typeName} { ${selection} } } } }
            pageInfo { hasNextPage hasPreviousPage endCursor }
          }
        }`,
        { q, first: perPage, after },
      );
      return { nodes: data.search.edges.map((edge: any) => edge.node.record), pageInfo: data.search.pageInfo, totalCount: undefined };
    }
    const data = await graphql(
      `query List($filter: ${filterType}, $first: Int!, $after: String, $order: ListOrder, $includeDeleted: Boolean) {
        list: ${field}(filter: $filter, first: $first, after: $after, order: $order, includeDeleted: $includeDeleted) {
          totalCount
          edges { node { ${selection} } }
          pageInfo { hasNextPage hasPreviousPage endCursor }
        }
      }`,
      { filter: apiFilter, first: perPage, after, order, includeDeleted },
    );
    return { nodes: data.list.edges.map((edge: any) => edge.node), pageInfo: data.list.pageInfo, totalCount: data.list.totalCount as number };
  };

  let { page: from, after } = cursors.known(list, page);
  for (; from < page; from += 1) {
    const skipped = await fetchPage(after, 'id');
    cursors.remember(list, from, skipped.pageInfo.endCursor);
    after = skipped.pageInfo.endCursor;
    if (!skipped.pageInfo.hasNextPage) return { data: [], total: skipped.totalCount, pageInfo: { hasNextPage: false, hasPreviousPage: true } };
  }
  const result = await fetchPage(after, definition.listFields);
  cursors.remember(list, page, result.pageInfo.endCursor);
  const data = result.nodes.map((node: any) => toRecord(definition, node));
  return result.totalCount === undefined
    ? { data, pageInfo: { hasNextPage: result.pageInfo.hasNextPage, hasPreviousPage: page > 1 } }
    : { data, total: result.totalCount };
}

/** Users, keys and a record's notes are short lists: fetched whole, then filtered and paged here. */
async function getArrayPage(definition: ResourceDefinition, params: GetListParams) {
  const { page = 1, perPage = 25 } = params.pagination ?? {};
  const { q, targetType, targetId, ...rest } = params.filter ?? {};
  const byTarget = definition.byTarget !== undefined && targetId !== undefined;
  const field = byTarget ? definition.byTarget : definition.list.field;
  const args = byTarget ? '(targetType: $targetType, targetId: $targetId)' : '';
  const variables = byTarget ? '($targetType: AnnotatedRecordType!, $targetId: ID!)' : '';
  const data = await graphql(`query All${variables} { all: ${field}${args} { ${definition.listFields} } }`, byTarget ? { targetType, targetId } : {});
  let rows: any[] = data.all.map((node: any) => toRecord(definition, node));
  if (typeof q === 'string' && q.trim()) {
    const words = q.trim().toLowerCase();
    rows = rows.filter((row) => JSON.stringify(row).toLowerCase().includes(words));
  }
  for (const [key, value] of Object.entries(rest)) {
    if (defined(value)) rows = rows.filter((row) => (Array.isArray(row[key]) ? row[key].includes(value) : row[key] === value));
  }
  if (params.sort?.field) {
    const { field, order } = params.sort;
    rows.sort((a, b) => String(a[field] ?? '').localeCompare(String(b[field] ?? '')) * (order === 'ASC' ? 1 : -1));
  }
  return { data: rows.slice((page - 1) * perPage, page * perPage), total: rows.length };
}

async function getOne(definition: ResourceDefinition, id: Identifier, extra: { asOf?: string } = {}) {
  if (!definition.one) {
    const all = await graphql(`{ all: ${definition.list.field} { ${definition.fields} } }`);
    const found = all.all.find((row: any) => row.id === id);
    if (!found) throw apiError(`No ${definition.typeName} ${id}`, 404, { code: 'NOT_FOUND' });
    return toRecord(definition, found);
  }
  const data = await graphql(`query One($id: ID!, $asOf: DateTimeISO) { one: ${definition.one}(id: $id, includeDeleted: true, asOf: $asOf) { ${definition.fields} } }`, { id, asOf: extra.asOf ?? null });
  if (!data.one) throw apiError(`No ${definition.typeName} ${id} that you may see`, 404, { code: 'NOT_FOUND' });
  return toRecord(definition, data.one);
}

function inputOf(fields: string[], data: Record<string, any>) {
  return Object.fromEntries(fields.filter((field) => data[field] !== undefined).map((field) => [field, data[field] === '' ? null : data[field]]));
}

const mutate = async (mutation: string, inputType: string, input: Record<string, unknown>, selection: string) =>
  (await graphql(`mutation Write($input: ${inputType}!) { result: ${mutation}(input: $input) { ${selection} } }`, { input })).result;

/** The API names the field it refused; the form shows the message on the input that holds it. */
async function write<T>(definition: ResourceDefinition, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isApiError(error) && error.body.errors && definition.errorInputs) {
      const inputs = definition.errorInputs;
      const errors: Record<string, any> = {};
      for (const [field, message] of Object.entries(error.body.errors)) {
        const [parent, child] = (inputs[field] ?? field).split('.');
        if (child) errors[parent!] = { ...errors[parent!], [child]: message };
        else errors[parent!] = message;
      }
      error.body.errors = errors;
    }
    throw error;
  }
}

export interface RecordHistoryParams {
  recordType: RecordTypeName;
  recordId: Identifier;
}

async function getList(resource: string, params: GetListParams) {
  const definition = resourceDefinition(resource);
  const whole = definition.list.kind === 'array' || (definition.byTarget !== undefined && params.filter?.targetId !== undefined);
  return whole ? getArrayPage(definition, params) : getConnectionPage(resource, definition, params);
}

export const dataProvider = {
  getList,

  async getOne(resource: string, params: { id: Identifier; meta?: { asOf?: string } }) {
    return { data: await getOne(resourceDefinition(resource), params.id, params.meta) };
  },

  async getMany(resource: string, params: { ids: Identifier[] }) {
    const definition = resourceDefinition(resource);
    if (!definition.one) {
      const all = await getArrayPage(definition, { pagination: { page: 1, perPage: 1000 }, sort: { field: 'id', order: 'ASC' }, filter: {} });
      return { data: all.data.filter((row: any) => params.ids.includes(row.id)) };
    }
    const ids = [...new Set(params.ids.filter(Boolean))];
    const data: RaRecord[] = [];
    for (let i = 0; i < ids.length; i += MANY_PER_QUERY) {
      const chunk = ids.slice(i, i + MANY_PER_QUERY);
      const declarations = chunk.map((_, n) => `$id${n}: ID!`).join(', ');
      const fields = chunk.map((_, n) => `r${n}: ${definition.one}(id: $id${n}, includeDeleted: true) { ${definition.listFields} }`).join('\n');
      const found = await graphql(`query Many(${declarations}) { ${fields} }`, Object.fromEntries(chunk.map((id, n) => [`id${n}`, id])));
      for (let n = 0; n < chunk.length; n += 1) if (found[`r${n}`]) data.push(toRecord(definition, found[`r${n}`]));
    }
    return { data };
  },

  async getManyReference(resource: string, params: GetListParams & { target: string; id: Identifier }) {
    return getList(resource, { ...params, filter: { ...params.filter, [params.target]: params.id } });
  },

  async create(resource: string, params: { data: Record<string, any> }) {
    const definition = resourceDefinition(resource);
    if (!definition.create) throw new Error(`${definition.typeName} records are not created here`);
    const { fields, selection, result } = definition.create;
    const input = inputOf(fields, definition.toInput ? definition.toInput(params.data) : params.data);
    if (params.data.reason) input.reason = params.data.reason;
    const created = await write(definition, () => mutate(mutationOf(definition, 'create'), inputTypeOf(definition, 'create'), input, selection ?? definition.fields));
    cursors.forget(resource);
    return { data: result ? result(created) : toRecord(definition, created) };
  },

  /** Sends only what the editor changed, against the version they read: a stale one comes back as CONFLICT. */
  async update(resource: string, params: { id: Identifier; data: Record<string, any>; previousData: Record<string, any>; meta?: { expectedVersion?: number } }) {
    const definition = resourceDefinition(resource);
    if (!definition.writes.includes('update')) throw new Error(`${definition.typeName} records are not edited here`);
    const changed = changedFields(definition, definition.toInput ? definition.toInput(params.data) : params.data, params.previousData);
    const input = {
      id: params.id,
      expectedVersion: params.meta?.expectedVersion ?? params.previousData.version,
      reason: params.data.reason || null,
      ...changed,
    };
    const updated = await write(definition, () => mutate(mutationOf(definition, 'update'), inputTypeOf(definition, 'update'), input, definition.fields));
    cursors.forget(resource);
    return { data: toRecord(definition, updated) };
  },

  async updateMany(): Promise<never> {
    throw new Error('Records are changed one at a time, each with its own edit summary.');
  },

  async delete(resource: string, params: { id: Identifier; previousData?: Record<string, any>; meta?: { reason?: string } }) {
    const definition = resourceDefinition(resource);
    if (!definition.writes.includes('delete')) throw new Error(`${definition.typeName} records are not deleted here`);
    const reason = params.meta?.reason?.trim();
    if (!reason) throw apiError('Say why it is deleted.', 400, { code: 'BAD_USER_INPUT', errors: { reason: 'Required' } });
    const input = { id: params.id, expectedVersion: params.previousData?.version, reason };
    const deleted = await mutate(mutationOf(definition, 'delete'), 'DeleteInput', input, definition.listFields);
    cursors.forget(resource);
    return { data: toRecord(definition, deleted) };
  },

  async deleteMany(): Promise<never> {
    throw new Error('Records are deleted one at a time, each with its reason.');
  },

  async restore(resource: string, params: { id: Identifier; version: number; reason?: string }) {
    const definition = resourceDefinition(resource);
    if (!definition.writes.includes('restore')) throw new Error(`${definition.typeName} records are not restored here`);
    const restored = await mutate(mutationOf(definition, 'restore'), 'RestoreInput', { id: params.id, expectedVersion: params.version, reason: params.reason ?? null }, definition.fields);
    cursors.forget(resource);
    return { data: toRecord(definition, restored) };
  },

  async revisions(params: RecordHistoryParams) {
    const data = await graphql(
      `query History($recordId: ID!, $recordType: RecordType!) {
        revisions(recordId: $recordId, recordType: $recordType) { id version operation changes state reason actor actorName createdAt requestId hash prevHash }
      }`,
      { recordId: params.recordId, recordType: params.recordType },
    );
    return data.revisions as RevisionRow[];
  },

  async revert(params: { revisionId: string; expectedVersion: number; reason: string }) {
    const data = await graphql(`mutation Revert($input: RevertInput!) { revert(input: $input) { ... on Claim { id version } ... on Event { id version } ... on Entity { id version } ... on Source { id version } ... on Evidence { id version } ... on Annotation { id version } } }`, { input: params });
    return data.revert as { id: string; version: number };
  },

  async review(params: { id: Identifier; expectedVersion: number; decision: 'VERIFY' | 'DISPUTE' | 'REJECT' | 'RETRACT'; comment: string }) {
    const data = await graphql(`mutation Review($input: ReviewInput!) { review(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }`, { input: params });
    cursors.forget('claims');
    cursors.forget('events');
    return data.review as { id: string; version: number; status: string };
  },

  async submitForReview(params: { id: Identifier; expectedVersion: number; comment?: string }) {
    const data = await graphql(`mutation Submit($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version status } ... on Event { id version status } } }`, { input: params });
    return data.submitForReview as { id: string; version: number; status: string };
  },
} satisfies DataProvider & Record<string, unknown>;

export interface RevisionRow {
  id: string;
  version: number;
  operation: string;
  changes: Record<string, { before: unknown; after: unknown }>;
  state: Record<string, unknown>;
  reason: string | null;
  actor: string;
  actorName: string;
  createdAt: string;
  requestId: string | null;
  hash: string;
  prevHash: string | null;
}

export type ConsoleDataProvider = typeof dataProvider;

/** The fields an editor changed, compared with the record as they loaded it. */
export function changedFields(definition: ResourceDefinition, data: Record<string, any>, previous: Record<string, any>) {
  const changed: Record<string, unknown> = {};
  for (const field of definition.editable) {
    if (data[field] === undefined) continue;
    const value = data[field] === '' ? null : data[field];
    if (!same(value, previous[field])) changed[field] = value;
  }
  return changed;
}
