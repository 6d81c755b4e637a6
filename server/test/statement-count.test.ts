import { describe, expect, it } from 'vitest';

import type { TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { dataOf, graphqlClient } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const CLAIMS_PAGE = `query($first: Int) {
  claims(first: $first) {
    totalCount
    edges { node {
      text claimantName
      claimant { name aliases mergedInto { name } }
      events { title type { code } place { name } participants { role entity { name } } }
      entities { name }
      links { type claim { text claimant { name } } }
      evidence { selector { exact start end } sourceRevision { number source { title } } source { kind } }
    } }
  }
}`;

const EVENTS_PAGE = `query($first: Int) {
  events(first: $first) {
    edges { node {
      title type { label } place { name } parent { title } parts { title }
      participants { role entity { name } }
      claims { text claimant { name } evidence { selector { exact } } }
      evidence { selector { exact } source { title } }
    } }
  }
}`;

const PROVENANCE = `query($first: Int) {
  claims(first: $first) {
    edges { node {
      text attribution modality status retracted claimantName
      claimant { name aliases wikidataId }
      evidence {
        anchorStatus
        selector { exact prefix suffix start end }
        context(chars: 200) { before exact after }
        sourceRevision { number sha256 createdAt source { title url publisher publishedAt publishedPrecision publishedNote reliability } }
      }
      reviews { status comment actorName at }
    } }
  }
}`;

describe('SQL statements per request', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  async function statementsFor(query: string, first: number): Promise<{ statements: number; rows: number }> {
    const before = db.statements.count;
    const data = dataOf(await gql<Record<string, { edges: unknown[] }>>(query, { first }));
    return { statements: db.statements.count - before, rows: Object.values(data)[0]!.edges.length };
  }

  /**
   * A page of n records must not cost n statements: every relation is batched, so the count is bounded by the
   * number of relations asked for. Smaller pages may skip a relation none of their rows has, never add one.
   */
  async function expectBounded(query: string, sizes: number[], bound: number) {
    const counts: number[] = [];
    for (const first of sizes) {
      const { statements, rows } = await statementsFor(query, first);
      expect(rows).toBe(first);
      counts.push(statements);
    }
    if (process.env.SHOW_STATEMENTS) console.log(`statements for first = ${sizes.join(', ')}: ${counts.join(', ')}`);
    const largest = counts.at(-1)!;
    for (const count of counts) expect(count).toBeLessThanOrEqual(largest);
    expect(largest).toBeLessThanOrEqual(bound);
  }

  it('do not grow with the size of a page of claims, nested relations included', async () => {
    await expectBounded(CLAIMS_PAGE, [1, 5, 20, 40], 16);
  });

  it('do not grow with the claims, evidence or review steps of a provenance query', async () => {
    await expectBounded(PROVENANCE, [1, 5, 20, 40], 10);
  });

  it('do not grow with the size of a page of events, three levels deep', async () => {
    await expectBounded(EVENTS_PAGE, [1, 5, 20], 14);
  });

  it('are two for an edit of a claim, whatever it links to: the state before, then one statement that checks the references, bumps the version, writes the rows and appends the revision', async () => {
    const { viewer } = await createEditor(db.dataSource);
    const { claims } = dataOf(
      await gql<any>(`{ claims(first: 40) { edges { node { id version events { id } entities { id } } } } }`, {}, viewer),
    );
    const linked = claims.edges.map((edge: any) => edge.node).find((claim: any) => claim.events.length > 0 && claim.entities.length > 0);
    const before = db.statements.count;
    dataOf(
      await gql(
        `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`,
        { input: { id: linked.id, expectedVersion: linked.version, text: 'Edited once more.', reason: 'counting' } },
        viewer,
      ),
    );
    expect(db.statements.count - before).toBe(2);
  });

  it('are two for an edit of an event, whatever its participants', async () => {
    const { viewer } = await createEditor(db.dataSource);
    const { events } = dataOf(await gql<any>(`{ events(first: 20) { edges { node { id version participants { role } } } } }`, {}, viewer));
    const taking = events.edges.map((edge: any) => edge.node).find((event: any) => event.participants.length > 0);
    const before = db.statements.count;
    dataOf(
      await gql(
        `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { version } }`,
        { input: { id: taking.id, expectedVersion: taking.version, title: 'Retitled', reason: 'counting' } },
        viewer,
      ),
    );
    expect(db.statements.count - before).toBe(2);
  });
});
