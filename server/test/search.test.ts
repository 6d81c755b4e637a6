import { describe, expect, it } from 'vitest';

import type { Viewer } from '../src/core/access/viewer.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const SEARCH = `query($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  search(query: $query, types: $types, first: $first, after: $after) {
    pageInfo { hasNextPage endCursor }
    edges { node { type score snippet record {
      __typename
      ... on Entity { id name }
      ... on Claim { id text status }
      ... on Event { id title status type { code } }
      ... on Source { id title }
    } } }
  }
}`;

describe('search', () => {
  let gql: ReturnType<typeof graphqlClient>;
  const search = async (query: string, variables: Record<string, unknown> = {}, viewer: Viewer = viewers.editor) =>
    dataOf(await gql<any>(SEARCH, { query, ...variables }, viewer)).search as { pageInfo: any; edges: Array<{ node: any }> };

  useSeededDatabase((_ready, client) => {
    gql = client;
  });

  it('finds a person as their name is typed', async () => {
    const { edges } = await search('Min Aung', { types: ['ENTITY'] });
    expect(edges[0]!.node).toMatchObject({ type: 'ENTITY', score: 1, record: { name: 'Min Aung Hlaing' } });
    expect(edges[0]!.node.snippet).toMatch(/^<mark>Min Aung<\/mark> Hlaing/);
  });

  it('finds the same entity by its name or by any alias, typography aside', async () => {
    const byName = await search('Tatmadaw', { types: ['ENTITY'] });
    const byAlias = await search("Myanmar's armed forces", { types: ['ENTITY'] });
    expect(byName.edges[0]!.node.record.id).toBe(byAlias.edges[0]!.node.record.id);
  });

  it('finds the agreement, its claims and its source from one word, with the words marked in context', async () => {
    const { edges } = await search('Rosatom');
    const types = new Set(edges.map((e) => e.node.type));
    expect(types).toEqual(new Set(['CLAIM', 'EVENT', 'ENTITY', 'SOURCE']));
    expect(edges.some((e) => e.node.type === 'EVENT' && /Rosatom/.test(e.node.record.title))).toBe(true);
    for (const { node } of edges) expect(node.snippet).toMatch(/<mark>Rosatom<\/mark>/);
    const scores = edges.map((e) => e.node.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('shows client apps and anonymous callers only what they may see (invariant 7)', async () => {
    const staff = await search('SAC', { first: 100 });
    const unreviewed = staff.edges.filter((e) => ['CLAIM', 'EVENT'].includes(e.node.type) && e.node.record.status !== 'VERIFIED');
    expect(unreviewed.length).toBeGreaterThan(0);
    for (const viewer of [viewers.anonymous, viewers.client]) {
      const seen = await search('SAC', { first: 100 }, viewer);
      for (const { node } of seen.edges) if (node.type === 'CLAIM' || node.type === 'EVENT') expect(node.record.status).toBe('VERIFIED');
      expect(seen.edges.length).toBe(staff.edges.length - unreviewed.length);
    }
  });

  it('escapes the text it quotes, and pages by cursor without repeats', async () => {
    const all = await search('Myanmar', { first: 100 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { pageInfo: any; edges: Array<{ node: any }> } = await search('Myanmar', { first: 7, after });
      seen.push(...page.edges.map((e) => `${e.node.type}:${e.node.record.id}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => `${e.node.type}:${e.node.record.id}`));
    expect(new Set(seen).size).toBe(seen.length);
    for (const { node } of all.edges) expect(node.snippet.replace(/<\/?mark>/g, '')).not.toMatch(/[<>]/);
  });

  it('gives every hit of a page the snippet it has in the whole list, at either end of a page, forwards and backwards', async () => {
    const key = (node: any) => `${node.type}:${node.record.id}`;
    const whole = new Map((await search('Myanmar', { first: 100 })).edges.map(({ node }) => [key(node), node.snippet as string]));
    expect(whole.size).toBeGreaterThan(8);
    const forwards = await search('Myanmar', { first: 4 });
    expect(forwards.pageInfo.hasNextPage).toBe(true);
    const BACKWARDS = `query($query: String!, $before: String) {
      search(query: $query, last: 2, before: $before) {
        pageInfo { hasPreviousPage }
        edges { node { type snippet record { ... on Entity { id } ... on Claim { id } ... on Event { id } ... on Source { id } } } }
      }
    }`;
    const backwards = dataOf(await gql<any>(BACKWARDS, { query: 'Myanmar', before: forwards.pageInfo.endCursor }, viewers.editor))
      .search as {
      pageInfo: any;
      edges: Array<{ node: any }>;
    };
    expect(backwards.pageInfo.hasPreviousPage).toBe(true);
    for (const { node } of [...forwards.edges, ...backwards.edges]) {
      expect(node.snippet).toMatch(/<mark>/);
      expect(node.snippet).toBe(whole.get(key(node)));
    }
  });

  it("answers a hit's fields that its record's other columns make as reading the record by id does", async () => {
    const claimFields = `claimantName claimant { name } retracted evidence { selector { exact } }`;
    const eventFields = `type { code } start { date precision } place { name } retracted`;
    const { search: found } = dataOf(
      await gql<any>(`{ search(query: "Rosatom", types: [CLAIM, EVENT], first: 20) { edges { node { record {
        ... on Claim { id ${claimFields} } ... on Event { id ${eventFields} } } } } } }`),
    );
    const records = found.edges.map((e: any) => e.node.record);
    expect(new Set(records.map((r: any) => ('claimantName' in r ? 'claim' : 'event')))).toEqual(new Set(['claim', 'event']));
    for (const record of records) {
      const [field, fields] = 'claimantName' in record ? ['claim', claimFields] : ['event', eventFields];
      expect(dataOf(await gql<any>(`query($id: ID!) { ${field}(id: $id) { id ${fields} } }`, { id: record.id }))[field]).toEqual(record);
    }
  });

  it('reads any run of minus signs as typed, never failing the statement, and still excludes a word after one', async () => {
    const plain = await search('Tatmadaw', { types: ['ENTITY'] });
    for (const typed of [
      '- '.repeat(99),
      '-'.repeat(199),
      '(-'.repeat(99),
      `${'- '.repeat(60)}Tatmadaw`,
      `---Tatmadaw ${'-" '.repeat(40)}`,
    ]) {
      const { edges } = await search(typed, { types: ['ENTITY'] });
      if (typed.includes('Tatmadaw'))
        expect(edges.map((edge) => edge.node.record.id)).toEqual(plain.edges.map((edge) => edge.node.record.id));
    }
    const found = await search('agreement', { types: ['CLAIM', 'EVENT'] });
    expect(found.edges.length).toBeGreaterThan(0);
    expect((await search('agreement -agreement', { types: ['CLAIM', 'EVENT'] })).edges).toEqual([]);
  });

  it('refuses an empty or overlong query, and a page over 100', async () => {
    expect(errorCodes(await gql(SEARCH, { query: '  ' }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(SEARCH, { query: 'x'.repeat(201) }))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(SEARCH, { query: 'Myanmar', first: 101 }))).toEqual(['BAD_USER_INPUT']);
  });
});
