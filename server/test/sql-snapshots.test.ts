import { describe, expect, it } from 'vitest';

import type { TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { dataOf, graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

/**
 * The SQL each hot request sends (those bench/compare/queries.ts times), kept in __snapshots__/sql/ so that a
 * change to it shows in review as a diff of those files. A change meant is accepted with `npx vitest run
 * test/sql-snapshots.test.ts -u`. Each statement is one line, its whitespace collapsed and what differs from run
 * to run (ids, times) masked; the values sent as parameters are left out, only their placeholders stay.
 */
const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi;
const TIMESTAMP = /\b\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}(?::?\d{2})?)?/g;

const normalise = (sql: string) => sql.replace(/\s+/g, ' ').trim().replace(UUID, '<uuid>').replace(TIMESTAMP, '<timestamp>');

const snapshot = (request: string, statements: readonly string[]) =>
  `-- ${normalise(request)}\n${statements.map((sql) => `${normalise(sql)};\n`).join('')}`;

const CLAIMS_PAGE = `query($after: String) { claims(first: 25, after: $after) { edges { cursor node { id text attribution modality credibility status createdAt } } pageInfo { hasNextPage endCursor } } }`;
const CLAIMS_PROVENANCE = `{ claims(first: 50) { edges { node { id text claimant { id name } evidence { selector { exact start end } source { id title } } } } } }`;
const EVENTS_CLAIMS_EVIDENCE = `{ events(first: 20) { edges { node { id title claims { id text evidence { selector { exact } source { title } } } } } } }`;
const SEARCH = `query($words: String!) { search(query: $words, types: [CLAIM], first: 10) { edges { node { type score snippet record { ... on Claim { id text } } } } } }`;
const UPDATE_CLAIM = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id version text } }`;

describe('the SQL of the hot requests', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let passthrough: ReturnType<typeof graphqlClient>;

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  async function expectSql(name: string, request: string, variables: Record<string, unknown> = {}, viewer = viewers.anonymous) {
    const statements = db.statements.keepTexts();
    dataOf(await gql(request, variables, viewer));
    expect(statements.length).toBeGreaterThan(0);
    await expect(snapshot(request, statements)).toMatchFileSnapshot(`__snapshots__/sql/${name}.sql`);
  }

  /**
   * The statement of a read answered without graphql execution, as the HTTP server sends it (graphql/passthrough.ts):
   * PostgreSQL writes the nested reads' JSON; Node writes a flat page's and search's records from their columns.
   */
  async function expectPassthroughSql(name: string, request: string, variables: Record<string, unknown> = {}) {
    const statements = db.statements.keepTexts();
    dataOf(await passthrough(request, variables, viewers.anonymous));
    expect(statements).toHaveLength(1);
    await expect(snapshot(request, statements)).toMatchFileSnapshot(`__snapshots__/sql/${name}.passthrough.sql`);
  }

  it('the nested reads, written by PostgreSQL and passed through', async () => {
    passthrough = graphqlClient(db.dataSource, { passthrough: true });
    await expectPassthroughSql('claims-provenance', CLAIMS_PROVENANCE);
    await expectPassthroughSql('events-claims-evidence', EVENTS_CLAIMS_EVIDENCE);
    const first = dataOf(await gql<any>(CLAIMS_PAGE, {}, viewers.anonymous));
    await expectPassthroughSql('claims-page', CLAIMS_PAGE);
    await expectPassthroughSql('claims-page-after-cursor', CLAIMS_PAGE, { after: first.claims.pageInfo.endCursor });
    await expectPassthroughSql('search', SEARCH, { words: 'sanctions' });
  });

  it('a flat page of 25 claims', () => expectSql('claims-page', CLAIMS_PAGE));

  it('a page of claims after a cursor (keyset)', async () => {
    const first = dataOf(await gql<any>(CLAIMS_PAGE, {}, viewers.anonymous));
    expect(first.claims.pageInfo.hasNextPage).toBe(true);
    await expectSql('claims-page-after-cursor', CLAIMS_PAGE, { after: first.claims.pageInfo.endCursor });
  });

  it('50 claims with claimant, evidence and source', () => expectSql('claims-provenance', CLAIMS_PROVENANCE));

  it('events, their claims, their evidence and its source', () => expectSql('events-claims-evidence', EVENTS_CLAIMS_EVIDENCE));

  it('full-text search over claims', () => expectSql('search', SEARCH, { words: 'sanctions' }));

  // In a file of its own: the write path's statements change with the record kinds' declarations, not with reads.
  it("an update of a claim's text, with its revision", async () => {
    const { viewer } = await createEditor(db.dataSource);
    const { claims } = dataOf(await gql<any>(`{ claims(first: 1) { edges { node { id version text } } } }`, {}, viewer));
    const { id, version, text } = claims.edges[0].node;
    await expectSql(
      'update-claim',
      UPDATE_CLAIM,
      { input: { id, expectedVersion: version, text: `${text} (edited)`, reason: 'snapshot' } },
      viewer,
    );
  });

  it("an update of a claim's text by a session the edit's own read confirms, as the benchmark's editor sends it over HTTP", async () => {
    const { id: userId, viewer } = await createEditor(db.dataSource);
    const { claims } = dataOf(await gql<any>(`{ claims(first: 1) { edges { node { id version text } } } }`, {}, viewer));
    const { id, version, text } = claims.edges[0].node;
    const unconfirmed = { userId, generation: 0, roles: viewer.roles, confirmed: false };
    await expectSql(
      'update-claim.session',
      UPDATE_CLAIM,
      { input: { id, expectedVersion: version, text: `${text} (edited)`, reason: 'snapshot' } },
      { ...viewer, unconfirmed },
    );
    expect(unconfirmed.confirmed).toBe(true);
  });
});
