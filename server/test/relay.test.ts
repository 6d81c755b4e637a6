import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import type { Viewer } from '../src/core/access/viewer.js';
import { RecordType } from '../src/core/revisions/revisions.enums.js';
import { RECORDS } from '../src/modules/records.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createUser, type TestUser } from './support/factories.js';
import { dataOf, graphqlClient, viewers } from './support/graphql.js';

const NOBODY = '00000000-0000-4000-8000-000000000000';

interface Page {
  edges: Array<{ cursor: string; node: { id?: string; record?: { id: string } } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

describe('Relay conventions', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let admin: TestUser;
  let claimWithNotes: string;
  const one = async (sql: string, params: unknown[] = []) => ((await db.dataSource.query(sql, params)) as Array<{ id: string }>)[0]!.id;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
    admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    claimWithNotes = await one(`SELECT id FROM claims ORDER BY created_at LIMIT 1`);
    for (let n = 1; n <= 5; n += 1) {
      dataOf(
        await gql(
          `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }`,
          {
            input: { targetType: 'CLAIM', targetId: claimWithNotes, motivation: 'COMMENTING', body: `Note ${n}, to fetch again by its id` },
          },
          admin.viewer,
        ),
      );
      dataOf(
        await gql(
          `mutation($name: String!) { createApiKey(input: { name: $name }) { apiKey { id } } }`,
          { name: `key ${n}` },
          admin.viewer,
        ),
      );
      await createUser(db.dataSource, [Role.EDITOR], `editor${n}`);
    }
  });
  afterAll(() => db.drop());

  const node = async (id: string, viewer: Viewer) =>
    dataOf(
      await gql<{ node: { __typename: string; id: string } | null }>(`query($id: ID!) { node(id: $id) { __typename id } }`, { id }, viewer),
    ).node;

  it('node(id:) finds a record of every kind by its id alone, as its own type', async () => {
    for (const kind of Object.values(RECORDS)) {
      const id = await one(`SELECT id FROM "${kind.table}" WHERE deleted_at IS NULL ORDER BY created_at LIMIT 1`);
      expect(await node(id, admin.viewer)).toEqual({ __typename: kind.recordType, id });
    }
  });

  it('shows by id only what the kind’s own fields show: null for a draft to client apps, for accounts to non-admins, for an unknown id', async () => {
    const verified = await one(`SELECT id FROM claims WHERE status = 'VERIFIED' AND deleted_at IS NULL LIMIT 1`);
    const draft = await one(`SELECT id FROM claims WHERE status NOT IN ('VERIFIED', 'RETRACTED') LIMIT 1`);
    const draftEvidence = await one(
      `SELECT e.id FROM evidence e JOIN claims c ON c.id = e.claim_id WHERE c.status NOT IN ('VERIFIED', 'RETRACTED') LIMIT 1`,
    );
    const publicEvidence = await one(
      `SELECT e.id FROM evidence e JOIN claims c ON c.id = e.claim_id WHERE c.status = 'VERIFIED' AND e.deleted_at IS NULL LIMIT 1`,
    );
    const note = await one(`SELECT id FROM annotations LIMIT 1`);
    const key = await one(`SELECT id FROM api_keys LIMIT 1`);
    const ids = [verified, draft, draftEvidence, publicEvidence, note, admin.id, key, NOBODY];
    const kinds = async (viewer: Viewer) =>
      dataOf(
        await gql<{ nodes: Array<{ __typename: string } | null> }>(
          `query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }`,
          { ids },
          viewer,
        ),
      ).nodes.map((found) => found?.__typename ?? null);
    expect(await kinds(viewers.anonymous)).toEqual(['Claim', null, null, 'Evidence', null, null, null, null]);
    expect(await kinds(viewers.client)).toEqual(['Claim', null, null, 'Evidence', null, null, null, null]);
    expect(await kinds(viewers.editor)).toEqual(['Claim', 'Claim', 'Evidence', 'Evidence', 'Annotation', null, null, null]);
    expect(await kinds(admin.viewer)).toEqual(['Claim', 'Claim', 'Evidence', 'Evidence', 'Annotation', 'User', 'ApiKey', null]);
    expect(await node(admin.id, { userId: admin.id, roles: [Role.EDITOR] })).toEqual({ __typename: 'User', id: admin.id });
    const tooMany = await gql(`query($ids: [ID!]!) { nodes(ids: $ids) { id } }`, { ids: Array.from({ length: 101 }, () => NOBODY) });
    expect(tooMany.errors?.[0]?.message).toMatch(/at most 100/);
  });

  /** Every edge's id of a list read page by page, forwards with first/after or backwards with last/before. */
  async function readAll(field: string, args: string, selection: string, pageSize: number, backward: boolean, viewer: Viewer) {
    const ids: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    for (;;) {
      const paging = backward ? `last: ${pageSize}, before: $cursor` : `first: ${pageSize}, after: $cursor`;
      const page: Page = dataOf(
        await gql<Record<string, Page>>(
          `query($cursor: String) { ${field}(${[args, paging].filter(Boolean).join(', ')}) { edges { cursor node { ${selection} } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`,
          { cursor },
          viewer,
        ),
      )[field]!;
      const pageIds = page.edges.map((edge) => edge.node.id ?? edge.node.record!.id);
      expect(pageIds.length).toBeLessThanOrEqual(pageSize);
      pages += 1;
      if (backward) {
        ids.unshift(...pageIds);
        expect(page.pageInfo.hasNextPage).toBe(cursor !== null);
        if (!page.pageInfo.hasPreviousPage) break;
        cursor = page.pageInfo.startCursor;
      } else {
        ids.push(...pageIds);
        expect(page.pageInfo.hasPreviousPage).toBe(cursor !== null);
        if (!page.pageInfo.hasNextPage) break;
        cursor = page.pageInfo.endCursor;
      }
    }
    return { ids, pages };
  }

  const cases: ReadonlyArray<readonly [string, () => string, string, keyof typeof viewers, number]> = [
    ['claims', () => '', 'id', 'anonymous', 7],
    ['claims', () => 'order: OLDEST_FIRST', 'id', 'editor', 7],
    ['events', () => '', 'id', 'editor', 7],
    ['entities', () => 'order: OLDEST_FIRST', 'id', 'anonymous', 7],
    ['entities', () => '', 'id', 'editor', 7],
    ['auditTrail', () => '', 'id', 'editor', 7],
    ['search', () => 'query: "Russia"', 'record { ... on Node { id } }', 'anonymous', 7],
    ['users', () => '', 'id', 'admin', 2],
    ['apiKeys', () => '', 'id', 'admin', 2],
    ['annotations', () => `targetType: CLAIM, targetId: "${claimWithNotes}"`, 'id', 'editor', 2],
    ['reviewQueue', () => '', 'record { ... on Node { id } }', 'reviewer', 2],
  ];
  it.each(cases)(
    '%s: pages read backwards with last/before hold, in list order, what first/after reads forwards',
    async (field, args, selection, role, size) => {
      const viewer = viewers[role];
      const forwards = await readAll(field, args(), selection, size, false, viewer);
      const backwards = await readAll(field, args(), selection, size, true, viewer);
      expect(forwards.pages).toBeGreaterThan(1);
      expect(backwards.ids).toEqual(forwards.ids);
      expect(new Set(forwards.ids).size).toBe(forwards.ids.length);
    },
  );

  it('refuses first with last, and a last over the page limit', async () => {
    expect((await gql(`{ claims(first: 2, last: 2) { totalCount } }`)).errors?.[0]?.message).toMatch(/last/);
    expect((await gql(`{ claims(last: 101) { totalCount } }`)).errors?.[0]?.message).toMatch(/last: must be from 0 to 100/);
  });

  it('says, for a change in the feed, which record it is now, if the caller may read it', async () => {
    const { changes } = dataOf(
      await gql<{
        changes: { changes: Array<{ recordType: RecordType; recordId: string; record: { __typename: string; id: string } | null }> };
      }>(
        `{ changes(first: 100, recordTypes: [CLAIM]) { changes { recordType recordId record { __typename id } } } }`,
        {},
        viewers.anonymous,
      ),
    );
    expect(changes.changes.length).toBeGreaterThan(0);
    for (const change of changes.changes) if (change.record) expect(change.record).toEqual({ __typename: 'Claim', id: change.recordId });
    expect(changes.changes.some((change) => change.record !== null)).toBe(true);
  });
});
