/**
 * The six requests the comparison times, as each server is asked them, and how each answer is brought to one
 * shape (this server's) so that equivalence is a deep equality: same records, same fields, same order.
 * Cursors are left out of the comparison: each server has its own, and each is only ever given back to it.
 */

/** `baseline` is this server built from another checkout (`--baseline DIR`), asked the same GraphQL as `this`. */
export const SERVERS = ['this', 'baseline', 'postgraphile', 'raw'] as const;
export type ServerName = (typeof SERVERS)[number];

export const SERVER_TITLES: Record<ServerName, string> = {
  this: 'this server',
  baseline: 'this server, baseline',
  postgraphile: 'PostGraphile 5',
  raw: 'raw SQL',
};

export interface HttpRequest {
  path: string;
  body: string;
  /** For a write, the answer it must get, in this server's shape. */
  expected?: unknown;
}

export interface Probe {
  key: string;
  title: string;
  /** Reads are anonymous, as a client app's are; the write is an editor's. */
  write: boolean;
  /** The n-th request of a run to a server. */
  request(server: ServerName, n: number): HttpRequest;
  /** The answer in this server's shape, without cursors. */
  normalise(server: ServerName, answer: any): unknown;
}

/** What the probes need from the loaded corpus; each server gets its own cursor and its own claims to edit. */
export interface ProbeSetup {
  searchWords: string;
  /** The key of the last claim 1,000 pages in (fewer in smoke mode), as each server's cursor. */
  deepCursor: Partial<Record<ServerName, string>>;
  deepPages: number;
  /** Draft claims each server edits, with the version each edit must expect. */
  editable: Partial<Record<ServerName, Array<{ id: string; version: number; text: string }>>>;
  /** Who the raw handler and PostGraphile write as: they do not authenticate, this server's editor does. */
  actor: string;
}

export const PAGE = 25;
export const PROVENANCE_PAGE = 50;
export const EVENTS_PAGE = 20;
export const SEARCH_PAGE = 10;

const graphql = (query: string, variables: Record<string, unknown> = {}): HttpRequest => ({
  path: '/graphql',
  body: JSON.stringify({ query, variables }),
});
const raw = (path: string, variables: Record<string, unknown>): HttpRequest => ({ path, body: JSON.stringify(variables) });
const date = (value: string) => new Date(value).toISOString();
const edgesOf = (answer: any, field: string) => answer.data[field].edges as Array<{ node: any }>;

const CLAIM_FIELDS = 'id text attribution modality credibility status createdAt';
const PG_CLAIM_FIELDS = 'rowId text attribution modality credibility status createdAt';

const ourClaimsPage = (answer: any) => ({
  claims: edgesOf(answer, 'claims').map(({ node }) => ({ ...node, createdAt: date(node.createdAt) })),
  hasNextPage: answer.data.claims.pageInfo.hasNextPage,
});
const pgClaimsPage = (answer: any) => ({
  claims: answer.data.allClaims.edges.map(({ node: { rowId, ...node } }: any) => ({ id: rowId, ...node, createdAt: date(node.createdAt) })),
  hasNextPage: answer.data.allClaims.pageInfo.hasNextPage,
});

function claimsPage(
  key: string,
  title: string,
  after: (setup: ProbeSetup, server: ServerName) => string | null | undefined,
): (setup: ProbeSetup) => Probe {
  return (setup) => ({
    key,
    title,
    write: false,
    request(server) {
      const cursor = after(setup, server) ?? null;
      if (server === 'raw') return raw('/claims-page', { first: PAGE, after: cursor });
      if (server === 'postgraphile') {
        return graphql(
          `query($after: Cursor) { allClaims(first: ${PAGE}, after: $after, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { edges { cursor node { ${PG_CLAIM_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
          { after: cursor },
        );
      }
      return graphql(
        `query($after: String) { claims(first: ${PAGE}, after: $after) { edges { cursor node { ${CLAIM_FIELDS} } } pageInfo { hasNextPage endCursor } } }`,
        { after: cursor },
      );
    },
    normalise: (server, answer) => (server === 'postgraphile' ? pgClaimsPage(answer) : ourClaimsPage(answer)),
  });
}

const flatPage = claimsPage('claims-page', `a flat page of ${PAGE} claims`, () => null);
const deepPage = claimsPage(
  'deep-page',
  `a page of ${PAGE} claims deep in the list (keyset cursor)`,
  (setup, server) => setup.deepCursor[server],
);

const provenance = (): Probe => ({
  key: 'claims-provenance',
  title: `${PROVENANCE_PAGE} claims, each with claimant, evidence and source (the N+1 test)`,
  write: false,
  request(server) {
    if (server === 'raw') return raw('/claims-provenance', { first: PROVENANCE_PAGE });
    if (server === 'postgraphile') {
      return graphql(`{ allClaims(first: ${PROVENANCE_PAGE}, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId text claimant { rowId name }
        evidence(orderBy: [START_POS_ASC, ROW_ID_ASC]) { nodes { exact startPos endPos source { rowId title } } } } } }`);
    }
    return graphql(
      `{ claims(first: ${PROVENANCE_PAGE}) { edges { node { id text claimant { id name } evidence { selector { exact start end } source { id title } } } } } }`,
    );
  },
  normalise(server, answer) {
    if (server !== 'postgraphile') return edgesOf(answer, 'claims').map(({ node }) => node);
    return answer.data.allClaims.nodes.map((claim: any) => ({
      id: claim.rowId,
      text: claim.text,
      claimant: claim.claimant && { id: claim.claimant.rowId, name: claim.claimant.name },
      evidence: claim.evidence.nodes.map((e: any) => ({
        selector: { exact: e.exact, start: e.startPos, end: e.endPos },
        source: { id: e.source.rowId, title: e.source.title },
      })),
    }));
  },
});

const threeLevels = (): Probe => ({
  key: 'events-claims-evidence',
  title: `${EVENTS_PAGE} events → their claims → evidence → source (three levels)`,
  write: false,
  request(server) {
    if (server === 'raw') return raw('/events-claims-evidence', { first: EVENTS_PAGE });
    if (server === 'postgraphile') {
      return graphql(`{ allEvents(first: ${EVENTS_PAGE}, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { nodes { rowId title
        claimLinks(orderBy: [CLAIM_CREATED_AT_ASC, CLAIM_ID_ASC]) { nodes { claim { rowId text
          evidence(orderBy: [START_POS_ASC, ROW_ID_ASC]) { nodes { exact source { title } } } } } } } } }`);
    }
    return graphql(
      `{ events(first: ${EVENTS_PAGE}) { edges { node { id title claims { id text evidence { selector { exact } source { title } } } } } } }`,
    );
  },
  normalise(server, answer) {
    if (server !== 'postgraphile') return edgesOf(answer, 'events').map(({ node }) => node);
    return answer.data.allEvents.nodes.map((event: any) => ({
      id: event.rowId,
      title: event.title,
      claims: event.claimLinks.nodes.map(({ claim }: any) => ({
        id: claim.rowId,
        text: claim.text,
        evidence: claim.evidence.nodes.map((e: any) => ({ selector: { exact: e.exact }, source: { title: e.source.title } })),
      })),
    }));
  },
});

const search = (setup: ProbeSetup): Probe => ({
  key: 'search',
  title: `full-text search over claims, best ${SEARCH_PAGE} with marked snippets`,
  write: false,
  request(server) {
    if (server === 'raw') return raw('/search', { query: setup.searchWords, first: SEARCH_PAGE });
    if (server === 'postgraphile')
      return graphql(
        `query($words: String!) { searchClaims(words: $words, pageSize: ${SEARCH_PAGE}) { nodes { rowId text score snippet } } }`,
        { words: setup.searchWords },
      );
    return graphql(
      `query($words: String!) { search(query: $words, types: [CLAIM], first: ${SEARCH_PAGE}) { edges { node { type score snippet record { ... on Claim { id text } } } } } }`,
      { words: setup.searchWords },
    );
  },
  normalise(server, answer) {
    const hits =
      server === 'postgraphile'
        ? answer.data.searchClaims.nodes.map((hit: any) => ({
            type: 'CLAIM',
            score: hit.score,
            snippet: hit.snippet,
            record: { id: hit.rowId, text: hit.text },
          }))
        : edgesOf(answer, 'search').map(({ node }) => node);
    return hits.map((hit: any) => ({ ...hit, score: Number(hit.score.toFixed(6)) }));
  },
});

/** Each request edits the next claim of the server's own list, expecting the version its last edit left. */
const update = (setup: ProbeSetup): Probe => ({
  key: 'update-claim',
  title: 'an update of one claim with its revision (an editor)',
  write: true,
  request(server, n) {
    const targets = setup.editable[server]!;
    const target = targets[n % targets.length]!;
    const text = `${target.text.replace(/ \(edit \d+\)$/, '')} (edit ${n})`;
    const expectedVersion = target.version++;
    const reason = 'Benchmark edit';
    const expected = { id: target.id, version: expectedVersion + 1, text };
    if (server === 'raw')
      return { ...raw('/update-claim', { id: target.id, expectedVersion, text, reason, actor: setup.actor }), expected };
    if (server === 'postgraphile') {
      const input = { claimId: target.id, expectedVersion, newText: text, reason, actor: setup.actor };
      return {
        ...graphql(
          `
            mutation ($input: UpdateClaimTextInput!) {
              updateClaimText(input: $input) {
                result {
                  rowId
                  version
                  text
                }
              }
            }
          `,
          { input },
        ),
        expected,
      };
    }
    return {
      ...graphql(
        `
          mutation ($input: UpdateClaimInput!) {
            updateClaim(input: $input) {
              id
              version
              text
            }
          }
        `,
        { input: { id: target.id, expectedVersion, text, reason } },
      ),
      expected,
    };
  },
  normalise(server, answer) {
    if (server !== 'postgraphile') return answer.data.updateClaim;
    const { rowId, ...rest } = answer.data.updateClaimText.result;
    return { id: rowId, ...rest };
  },
});

export const probesFor = (setup: ProbeSetup): Probe[] => [
  flatPage(setup),
  provenance(),
  threeLevels(),
  search(setup),
  deepPage(setup),
  update(setup),
];
