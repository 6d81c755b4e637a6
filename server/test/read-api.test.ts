import { describe, expect, it } from 'vitest';

import { sliceCodePoints } from '../src/core/anchoring/text-quote.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ cursor: string; node: T }>;
}

describe('read API', () => {
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((_ready, client) => {
    gql = client;
  });

  it('reads a claim with its claimant, and each evidence with its selector, source revision and source', async () => {
    const { claims } = dataOf(
      await gql<{ claims: Page<any> }>(`{
        claims(first: 100) {
          totalCount
          edges { node {
            id text attribution modality claimantLabel claimantName
            claimant { name kind }
            evidence { anchorStatus selector { exact prefix suffix start end } sourceRevision { number text source { title } } }
          } }
        }
      }`),
    );
    expect(claims.totalCount).toBe(claims.edges.length);
    const putin = claims.edges.map((e) => e.node).find((c) => c.attribution === 'DIRECT_QUOTE' && c.claimant?.name === 'Vladimir Putin');
    expect(putin).toBeDefined();
    expect(putin.claimantName).toBe('Vladimir Putin');
    const aide = claims.edges.map((e) => e.node).find((c) => c.claimantLabel === 'a presidential aide');
    expect(aide).toMatchObject({ claimant: null, claimantName: 'a presidential aide', attribution: 'REPORTED_SPEECH' });
    for (const { node } of claims.edges) {
      expect(node.evidence.length).toBeGreaterThan(0);
      for (const evidence of node.evidence) {
        expect(evidence.anchorStatus).toBe('ANCHORED');
        expect(evidence.sourceRevision.source.title).toBe('Myanmar and Russia: the Vladivostok meeting signals a rapprochement');
        expect(sliceCodePoints(evidence.sourceRevision.text, evidence.selector.start, evidence.selector.end)).toBe(evidence.selector.exact);
      }
    }
  });

  it('reads an event with its type, dates at their precision, place, participants, parts and claims', async () => {
    const { events } = dataOf(
      await gql<{ events: Page<any> }>(`{
        events(first: 100) { edges { node {
          id title modality status timeExpression
          type { code label }
          start { date precision latest }
          place { name kind }
          participants { role entity { name } }
          parent { title }
          parts { title }
          claims { text }
          evidence { selector { exact } }
        } } }
      }`),
    );
    const visit = events.edges.map((e) => e.node).find((e) => e.timeExpression === 'last week');
    expect(visit).toMatchObject({
      type: { code: 'VISIT' },
      start: { date: '2022-09-05', precision: 'WEEK', latest: '2022-09-11' },
      place: { name: 'Vladivostok', kind: 'PLACE' },
    });
    expect(visit.participants).toContainEqual({ role: 'AGENT', entity: { name: 'Min Aung Hlaing' } });
    expect(visit.parts.length).toBeGreaterThan(0);
    expect(visit.claims.length).toBeGreaterThan(0);
    const parts = events.edges.map((e) => e.node).filter((e) => e.parent?.title === visit.title);
    expect(parts.map((p) => p.title).sort()).toEqual(visit.parts.map((p: { title: string }) => p.title).sort());
    const expected = events.edges.map((e) => e.node).filter((e) => e.modality === 'EXPECTED');
    expect(expected.length).toBeGreaterThan(0);
    for (const { node } of events.edges) expect(node.evidence.length).toBeGreaterThan(0);
  });

  it('reads the claims an event has, and the events and entities a claim is about, from both ends', async () => {
    const { claims } = dataOf(
      await gql<{ claims: Page<any> }>(
        `{ claims(first: 100) { edges { node { id events { id } entities { name } links { type claim { id } } } } } }`,
      ),
    );
    const { events } = dataOf(await gql<{ events: Page<any> }>(`{ events(first: 100) { edges { node { id claims { id } } } } }`));
    const claimsOfEvent = new Map(events.edges.map((e) => [e.node.id, e.node.claims.map((c: { id: string }) => c.id).sort()]));
    const fromClaims = new Map<string, string[]>();
    for (const { node } of claims.edges)
      for (const event of node.events) fromClaims.set(event.id, [...(fromClaims.get(event.id) ?? []), node.id]);
    for (const [eventId, claimIds] of fromClaims) expect(claimsOfEvent.get(eventId)).toEqual(claimIds.sort());
    expect(claims.edges.flatMap((e) => e.node.links).length).toBeGreaterThanOrEqual(2);
  });

  it('pages through every entity by cursor, without gaps or repeats', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total: number;
    do {
      const page: { entities: Page<{ id: string }> } = dataOf(
        await gql<{ entities: Page<{ id: string }> }>(
          `query($after: String) { entities(first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id } } } }`,
          { after },
        ),
      );
      const { entities } = page;
      total = entities.totalCount;
      seen.push(...entities.edges.map((e) => e.node.id));
      after = entities.pageInfo.hasNextPage ? entities.pageInfo.endCursor : null;
    } while (after);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('refuses a page larger than 100, and a cursor it did not issue, with BAD_USER_INPUT', async () => {
    const tooBig = await gql(`{ claims(first: 101) { totalCount } }`);
    expect(errorCodes(tooBig)).toEqual(['BAD_USER_INPUT']);
    expect(tooBig.errors?.[0]?.message).toMatch(/first/);
    expect(errorCodes(await gql(`{ entities(after: "not-a-cursor") { totalCount } }`))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(`{ claim(id: "42") { id } }`))).toEqual(['BAD_USER_INPUT']);
  });

  it('looks records up by id, and answers null for one that does not exist', async () => {
    const { entities } = dataOf(
      await gql<{ entities: Page<{ id: string; name: string }> }>(`{ entities(first: 1) { edges { node { id name } } } }`),
    );
    const first = entities.edges[0]!.node;
    expect(dataOf(await gql(`query($id: ID!) { entity(id: $id) { name } }`, { id: first.id }))).toEqual({ entity: { name: first.name } });
    expect(dataOf(await gql(`{ entity(id: "00000000-0000-4000-8000-000000000000") { name } }`))).toEqual({ entity: null });
  });

  describe('for client apps and anonymous callers (invariant 7)', () => {
    it('shows only verified and retracted claims and events, in lists, lookups and nested fields', async () => {
      const everything = dataOf(
        await gql<{ claims: Page<{ id: string; status: string }>; events: Page<{ id: string; status: string }> }>(
          `{ claims(first: 100) { edges { node { id status } } } events(first: 100) { edges { node { id status } } } }`,
        ),
      );
      const statusOf = new Map([...everything.claims.edges, ...everything.events.edges].map((e) => [e.node.id, e.node.status]));
      const unreviewed = [...statusOf].filter(([, status]) => status !== 'VERIFIED' && status !== 'RETRACTED').map(([id]) => id);
      expect(new Set(statusOf.values())).toEqual(new Set(['DRAFT', 'IN_REVIEW', 'VERIFIED', 'DISPUTED']));
      for (const staff of [viewers.reviewer, viewers.admin]) {
        const seen = dataOf(await gql<any>(`{ claims(first: 100) { totalCount } events(first: 100) { totalCount } }`, {}, staff));
        expect(seen.claims.totalCount + seen.events.totalCount).toBe(statusOf.size);
      }
      for (const viewer of [viewers.anonymous, viewers.client]) {
        const seen = dataOf(
          await gql<any>(
            `{
              claims(first: 100) { totalCount edges { node { id status links { claim { id } } evidence { claim { id } } events { id parent { id } parts { id } claims { id } } } } }
              events(first: 100) { totalCount edges { node { id status parent { id } parts { id } claims { id } evidence { event { id } } } } }
            }`,
            {},
            viewer,
          ),
        );
        const visibleIds = JSON.stringify(seen).match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
        expect(seen.claims.totalCount).toBeGreaterThan(0);
        expect(seen.events.totalCount).toBeGreaterThan(0);
        for (const id of visibleIds) if (statusOf.has(id)) expect(statusOf.get(id)).toBe('VERIFIED');
        for (const id of unreviewed) {
          expect(visibleIds).not.toContain(id);
          const lookup = dataOf(await gql<any>(`query($id: ID!) { claim(id: $id) { id } event(id: $id) { id } }`, { id }, viewer));
          expect(lookup).toEqual({ claim: null, event: null });
        }
      }
    });

    it('keeps the revision log, which holds unreviewed states, to staff', async () => {
      const { claims } = dataOf(await gql<{ claims: Page<{ id: string }> }>(`{ claims(first: 1) { edges { node { id } } } }`));
      const query = `query($id: ID!) { revisions(recordType: CLAIM, recordId: $id) { version operation actor } }`;
      const variables = { id: claims.edges[0]!.node.id };
      expect(errorCodes(await gql(query, variables, viewers.anonymous))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await gql(query, variables, viewers.client))).toEqual(['FORBIDDEN']);
      expect(dataOf(await gql(query, variables, viewers.reviewer))).toEqual({
        revisions: [{ version: 1, operation: 'CREATE', actor: 'seed:curated.yaml' }],
      });
    });
  });
});

describe('provenance in one round trip', () => {
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((_ready, client) => {
    gql = client;
  });

  it('gives a client app a claim with its claimant, its quote in context, its source and revision, and its review history', async () => {
    const { claims } = dataOf(
      await gql<{ claims: Page<any> }>(
        `{ claims(first: 100) { edges { node {
            text claimantName claimant { name }
            evidence { selector { exact } context(chars: 40) { before exact after } sourceRevision { number sha256 source { title publishedAt publishedPrecision publishedNote reliability } } }
            reviews { status comment actorName at }
        } } } }`,
        {},
        viewers.anonymous,
      ),
    );
    const putin = claims.edges.map((e) => e.node).find((c) => c.claimant?.name === 'Vladimir Putin')!;
    const [evidence] = putin.evidence;
    expect(evidence.context.exact).toBe(evidence.selector.exact);
    expect(evidence.context.before.length).toBe(40);
    expect(evidence.sourceRevision).toMatchObject({
      number: 1,
      source: { publishedAt: '2022-09-01', publishedPrecision: 'MONTH', reliability: 'C' },
    });
    expect(evidence.sourceRevision.sha256).toMatch(/^[0-9a-f]{64}$/);
    // Deliberation stays inside: a client reads the verdict and its date, not who reviewed or what they wrote.
    expect(putin.reviews).toEqual([{ status: 'VERIFIED', comment: null, actorName: null, at: expect.any(String) }]);
  });
});
