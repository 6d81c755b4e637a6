import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient } from './support/graphql.js';

describe('filters and order', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  const run = async <T = any>(query: string, variables: Record<string, unknown> = {}) =>
    dataOf(await gql<T>(query, variables, editor.viewer)) as any;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    for (const [title, start] of [
      ['Known only to the year', { date: '2022-01-01', precision: 'YEAR' }],
      ['Known to the day', { date: '2022-09-07', precision: 'DAY' }],
    ] as const) {
      await run(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: { title, type: 'MEETING', modality: 'OCCURRED', start },
      });
    }
  });
  afterAll(() => db.drop());

  const CLAIMS = `query($filter: ClaimFilter) { claims(first: 100, filter: $filter) { totalCount edges { node { id attribution claimant { name } entities { id } events { id } evidence { source { id } } } } } }`;

  it('narrows claims by claimant, attribution, entity, event and source, each alone and together', async () => {
    const all = (await run(CLAIMS)).claims;
    const putin = all.edges.find((e: any) => e.node.claimant?.name === 'Vladimir Putin').node;
    const { entities } = await run(`{ entities(first: 100) { edges { node { id name } } } }`);
    const putinId = entities.edges.find((e: any) => e.node.name === 'Vladimir Putin').node.id;
    const byClaimant = (await run(CLAIMS, { filter: { claimantId: putinId } })).claims;
    expect(byClaimant.totalCount).toBeGreaterThan(0);
    for (const { node } of byClaimant.edges) expect(node.claimant.name).toBe('Vladimir Putin');
    const quotes = (await run(CLAIMS, { filter: { attribution: ['DIRECT_QUOTE'] } })).claims;
    expect(quotes.totalCount).toBe(all.edges.filter((e: any) => e.node.attribution === 'DIRECT_QUOTE').length);
    const about = putin.entities[0].id;
    const byEntity = (await run(CLAIMS, { filter: { entityId: about } })).claims;
    expect(byEntity.edges.every((e: any) => e.node.entities.some((x: any) => x.id === about))).toBe(true);
    const both = (await run(CLAIMS, { filter: { entityId: about, attribution: ['DIRECT_QUOTE'] } })).claims;
    expect(both.totalCount).toBe(byEntity.edges.filter((e: any) => e.node.attribution === 'DIRECT_QUOTE').length);
    const sourceId = putin.evidence[0].source.id;
    expect((await run(CLAIMS, { filter: { sourceId } })).claims.totalCount).toBe(all.totalCount);
    const eventId = all.edges.find((e: any) => e.node.events.length > 0).node.events[0].id;
    const byEvent = (await run(CLAIMS, { filter: { eventId } })).claims;
    expect(byEvent.edges.every((e: any) => e.node.events.some((x: any) => x.id === eventId))).toBe(true);
  });

  it('finds events in September 2022 at their precision, and says which only possibly fall inside', async () => {
    const query = `query($filter: EventFilter) { events(first: 100, filter: $filter) { edges { node { title start { date precision } dateMatch(from: "2022-09-01", to: "2022-09-30") } } } }`;
    const range = { from: '2022-09-01', to: '2022-09-30' };
    const possible = (await run(query, { filter: { date: range } })).events.edges.map((e: any) => e.node);
    const byTitle = new Map(possible.map((n: any) => [n.title, n.dateMatch]));
    expect(byTitle.get('Known to the day')).toBe('INSIDE');
    expect(byTitle.get('Known only to the year')).toBe('POSSIBLY_INSIDE');
    expect(byTitle.get('Vostok-22 military exercises')).toBe('INSIDE');
    expect(possible.every((n: any) => n.dateMatch !== 'OUTSIDE' && n.dateMatch !== 'UNDATED')).toBe(true);
    const sure = (await run(query, { filter: { date: { ...range, includePossible: false } } })).events.edges.map((e: any) => e.node);
    expect(sure.every((n: any) => n.dateMatch === 'INSIDE')).toBe(true);
    expect(sure.length).toBe(possible.filter((n: any) => n.dateMatch === 'INSIDE').length);
    const all = (await run(`{ events(first: 100) { edges { node { dateMatch(from: "2022-09-01", to: "2022-09-30") } } } }`)).events.edges;
    expect(possible.length).toBe(all.filter((e: any) => ['INSIDE', 'POSSIBLY_INSIDE'].includes(e.node.dateMatch)).length);
  });

  it('pages oldest first as well as newest first, with the same records', async () => {
    const newest = (await run(`{ entities(first: 100) { edges { node { id } } } }`)).entities.edges.map((e: any) => e.node.id);
    const oldest = (await run(`{ entities(first: 100, order: OLDEST_FIRST) { edges { node { id } } } }`)).entities.edges.map(
      (e: any) => e.node.id,
    );
    expect(oldest).toEqual([...newest].reverse());
    const firstPage = (await run(`{ entities(first: 5, order: OLDEST_FIRST) { pageInfo { endCursor } } }`)).entities;
    const next = (
      await run(`query($after: String) { entities(first: 5, after: $after, order: OLDEST_FIRST) { edges { node { id } } } }`, {
        after: firstPage.pageInfo.endCursor,
      })
    ).entities;
    expect(next.edges.map((e: any) => e.node.id)).toEqual(oldest.slice(5, 10));
  });

  it('refuses filter values that cannot be right, naming them', async () => {
    expect(errorCodes(await gql(CLAIMS, { filter: { claimantId: 'putin' } }, editor.viewer))).toEqual(['BAD_USER_INPUT']);
    const badRange = await gql(`{ events(filter: { date: { from: "2022-09-30", to: "2022-09-01" } }) { totalCount } }`, {}, editor.viewer);
    expect(errorCodes(badRange)).toEqual(['BAD_USER_INPUT']);
    expect(badRange.errors![0]!.message).toMatch(/filter.date.to/);
  });
});
