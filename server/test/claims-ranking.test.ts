import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

const PAGE = `query($ranking: ClaimRanking, $order: ListOrder, $first: Int, $after: String, $last: Int, $before: String) {
  claims(ranking: $ranking, order: $order, first: $first, after: $after, last: $last, before: $before) {
    edges { cursor node { id checkWorthiness } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

interface Page {
  edges: Array<{ cursor: string; node: { id: string; checkWorthiness: number | null } }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
}

/** Ranks as imports give them, repeats and unranked claims among them, in the order they are created. */
const WORTH = [0.9, null, 0.5, 0.9, 0.1, null, 0.7, 0.5, 0.123456789012345];

describe('claims ranked by how worth checking they are', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  /** Oldest first. */
  const created: Array<{ id: string; worth: number | null }> = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    for (const [n, worth] of WORTH.entries()) {
      const { createClaim } = dataOf(
        await gql<any>(
          `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
          {
            input: {
              text: `Claim ${n} of the ranked list`,
              claimantLabel: 'a spokesperson',
              attribution: 'REPORTED_SPEECH',
              modality: 'ASSERTED',
              checkWorthiness: worth,
            },
          },
          editor.viewer,
        ),
      );
      created.push({ id: createClaim.id, worth });
    }
  });
  afterAll(() => db.drop());

  const expected = (order: 'NEWEST_FIRST' | 'OLDEST_FIRST') => {
    const byCreation = order === 'NEWEST_FIRST' ? [...created].reverse() : [...created];
    return [...byCreation].sort((a, b) => (b.worth ?? -1) - (a.worth ?? -1)).map((claim) => claim.id);
  };
  const read = async (variables: Record<string, unknown>) => dataOf(await gql<{ claims: Page }>(PAGE, variables, editor.viewer)).claims;

  for (const order of ['NEWEST_FIRST', 'OLDEST_FIRST'] as const) {
    it(`pages forwards through the most worth checking first, then ${order} among equals, unranked last`, async () => {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Page = await read({ ranking: 'CHECK_WORTHINESS', order, first: 2, after });
        seen.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected(order));
    });

    it(`pages backwards with last/before to the same list in reverse (${order})`, async () => {
      const seen: string[] = [];
      let before: string | null = null;
      for (;;) {
        const page: Page = await read({ ranking: 'CHECK_WORTHINESS', order, last: 2, before });
        seen.unshift(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasPreviousPage) break;
        before = page.pageInfo.startCursor;
      }
      expect(seen).toEqual(expected(order));
    });
  }

  it("refuses a ranked list's cursor on the list by creation, and the other way round", async () => {
    const ranked = await read({ ranking: 'CHECK_WORTHINESS', first: 1 });
    const plain = await read({ first: 1 });
    expect(errorCodes(await gql(PAGE, { after: ranked.pageInfo.endCursor }, editor.viewer))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(PAGE, { ranking: 'CHECK_WORTHINESS', after: plain.pageInfo.endCursor }, editor.viewer))).toEqual([
      'BAD_USER_INPUT',
    ]);
  });

  it('ranks only what the caller may see: client apps get no drafts, ranked or not', async () => {
    expect(dataOf(await gql<{ claims: Page }>(PAGE, { ranking: 'CHECK_WORTHINESS' }, viewers.client)).claims.edges).toEqual([]);
  });
});
