import { afterAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import type { TestDatabase } from './support/database.js';
import { createUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';
import { useSeededDatabase } from './support/seeded.js';

/**
 * The server interprets an operation the first time it runs and compiles it for the runs after: a client must
 * not be able to tell which ran. Each operation here, covering what the compiler handles its own way (unions,
 * fragments, directives, variables, errors, nulls, introspection, mutations), is sent twice over HTTP and both
 * answers compared as the client receives them, status included.
 */
const CLAIM_FIELDS = `fragment ClaimFields on Claim {
  id version createdAt updatedAt deletedAt text claimantLabel attribution modality credibility rank status proposal retracted claimantName
  said: claimantName
  claimant { id name kind aliases externalIds { scheme value } mergedInto { id } }
  evidence { id anchorStatus selector { exact prefix suffix start end } context(chars: 30) { before exact after } source { id title publishedAt } }
  quotes: evidence @include(if: $withQuotes) { selector { exact } }
  events { id title type { code label } start { date precision } }
  links { type claim { id } }
  reviews { status comment }
}`;

type Caller = 'anonymous' | 'editor' | 'reviewer';

const OPERATIONS: Array<{ name: string; query: string; variables?: Record<string, unknown>; callers?: Caller[] }> = [
  {
    name: 'claims, every field',
    query: `query($withQuotes: Boolean!) { claims(first: 20) { edges { cursor node { ...ClaimFields } } pageInfo { hasNextPage endCursor } totalCount } } ${CLAIM_FIELDS}`,
    variables: { withQuotes: true },
    callers: ['anonymous', 'editor'],
  },
  {
    name: 'claims, a directive off',
    query: `query($withQuotes: Boolean!) { claims(first: 5) { edges { node { ...ClaimFields } } } } ${CLAIM_FIELDS}`,
    variables: { withQuotes: false },
  },
  {
    name: 'events three levels down, inline fragments',
    query: `{ events(first: 10) { edges { node { __typename id title ... on Event { participants { role entity { id } } claims { id text evidence { selector { exact } source { title } } } } place { name } parent { id } parts { id } } } } }`,
  },
  {
    name: 'search across the union',
    query: `{ search(query: "sanctions", first: 20) { edges { node { type score snippet record { __typename ... on Claim { id text } ... on Event { id title } ... on Entity { id name } ... on Source { id title } } } } } }`,
    callers: ['anonymous', 'editor'],
  },
  {
    name: 'the review queue',
    query: `{ reviewQueue { edges { node { recordType submittedAt record { __typename ... on Claim { id status } ... on Event { id status } } } } } }`,
    callers: ['reviewer', 'anonymous'],
  },
  {
    name: 'a record that is not there, and one the caller may not ask for',
    query: `{ claim(id: "00000000-0000-4000-8000-000000000000") { id } auditTrail { edges { node { id } } } }`,
    callers: ['anonymous'],
  },
  { name: 'an id that is not one', query: `{ claim(id: "not-an-id") { id text } }` },
  { name: 'a page over the limit', query: `{ claims(first: 5000) { edges { node { id } } } }` },
  {
    name: 'a variable of the wrong type',
    query: `query($first: Int) { claims(first: $first) { edges { node { id } } } }`,
    variables: { first: 'many' },
  },
  { name: 'a required variable left out', query: `query($id: ID!) { claim(id: $id) { id } }`, variables: {} },
  {
    name: 'introspection',
    query: `{ __typename __schema { queryType { name } types { name kind fields { name args { name defaultValue } } } } __type(name: "SearchRecord") { possibleTypes { name } } }`,
  },
  {
    name: 'a mutation refused before it writes',
    query: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
    variables: { input: { text: '   ', claimantLabel: 'x', attribution: 'DIRECT_QUOTE', modality: 'ASSERTED', reason: 'test' } },
  },
];

describe('compiled execution', () => {
  let db: TestDatabase;
  let server: TestServer;
  const cookies: Record<Caller, Record<string, string>> = { anonymous: {}, editor: {}, reviewer: {} };

  useSeededDatabase((ready) => {
    db = ready;
  });
  afterAll(() => server?.close());

  async function start() {
    server = await startTestServer(db);
    for (const [caller, roles] of [
      ['editor', [Role.EDITOR]],
      ['reviewer', [Role.REVIEWER]],
    ] as const) {
      cookies[caller] = { cookie: await signIn(server, await createUser(db.dataSource, [...roles])) };
    }
  }

  it('answers every operation as the interpreter does: data, nulls, errors, their codes and the status', async () => {
    await start();
    let failures = 0;
    for (const operation of OPERATIONS) {
      for (const caller of operation.callers ?? ['editor']) {
        // A text of its own per caller, so that each caller's first request is the operation's first run.
        const request = { query: `${operation.query} # as ${caller}`, variables: operation.variables ?? {} };
        const interpreted = await server.post(request, cookies[caller]);
        const compiled = await server.post(request, cookies[caller]);
        if (interpreted.body.errors) failures++;
        expect({ status: compiled.status, body: compiled.body }, `${operation.name}, as ${caller}`).toEqual({
          status: interpreted.status,
          body: interpreted.body,
        });
      }
    }
    // The comparison covers failures, not only answers that went well.
    expect(failures).toBeGreaterThanOrEqual(6);
  });

  it('runs a compiled mutation once, in order, with its revisions', async () => {
    const mutation = `mutation($a: CreateClaimInput!, $b: CreateClaimInput!) { a: createClaim(input: $a) { id text version } b: createClaim(input: $b) { id text version } }`;
    const input = (label: string) => ({
      text: `Compiled: ${label}`,
      claimantLabel: 'a test',
      attribution: 'DIRECT_QUOTE',
      modality: 'ASSERTED',
      reason: 'test',
    });
    const first = await server.post({ query: mutation, variables: { a: input('first'), b: input('second') } }, cookies.editor);
    expect(first.body.errors).toBeUndefined();
    const compiled = await server.post({ query: mutation, variables: { a: input('third'), b: input('fourth') } }, cookies.editor);
    expect(compiled.body).toEqual({
      data: {
        a: { id: expect.any(String), text: 'Compiled: third', version: 1 },
        b: { id: expect.any(String), text: 'Compiled: fourth', version: 1 },
      },
    });
    const { a, b } = compiled.body.data;
    const revisions = await db.dataSource.query(`SELECT record_id, version FROM revisions WHERE record_id = ANY($1) ORDER BY id`, [
      [a.id, b.id],
    ]);
    expect(revisions).toEqual([
      { record_id: a.id, version: 1 },
      { record_id: b.id, version: 1 },
    ]);
  });
});
