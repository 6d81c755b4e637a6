import { ApolloServer } from '@apollo/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { PlainDocuments } from '../src/http/plain-documents.js';
import { ClaimsService } from '../src/modules/claims/claims.service.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version text status } }`;

/** An answer as a client reads it: its status, its bytes, and every header but those that differ per request. */
interface Answer {
  status: number;
  text: string;
  headers: Array<[string, string]>;
}

const PER_REQUEST = new Set(['date', 'x-request-id', 'connection', 'keep-alive']);

/**
 * A repeated `updateClaim` is answered without Apollo's pipeline (http/plain-documents.ts): its success is written
 * as Apollo writes it, and any other outcome is answered by Apollo from the one run. Each answer must be Apollo's
 * own, byte for byte, and the edit must run once per request either way.
 */
describe("an edit's repeats answered without Apollo", () => {
  let db: TestDatabase;
  let server: TestServer;
  let editor: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db, { PUBLIC_CACHE: 'false' });
    editor = await signIn(server, await createEditor(db.dataSource));
    // The server reads the user once: from then on its edits confirm the session in their own first statement.
    await post({ query: '{ me { id } }' }, { cookie: editor });
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  async function post(body: unknown, headers: Record<string, string>): Promise<Answer> {
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    const kept: Array<[string, string]> = [];
    response.headers.forEach((value, name) => {
      if (!PER_REQUEST.has(name)) kept.push([name, value]);
    });
    return { status: response.status, text: await response.text(), headers: kept.sort() };
  }

  /** The request answered as it comes (without Apollo, once its document is known), and how often Apollo and the edit ran. */
  async function asItComes(body: unknown, headers: Record<string, string>) {
    const apollo = vi.spyOn(ApolloServer.prototype, 'executeHTTPGraphQLRequest');
    const edits = vi.spyOn(ClaimsService.prototype, 'update');
    const fastRuns = vi.spyOn(PlainDocuments.prototype as unknown as { answerEdit: () => Promise<unknown> }, 'answerEdit');
    try {
      const answer = await post(body, headers);
      return { answer, apolloCalls: apollo.mock.calls.length, edits: edits.mock.calls.length, fastRuns: fastRuns.mock.calls.length };
    } finally {
      apollo.mockRestore();
      edits.mockRestore();
      fastRuns.mockRestore();
    }
  }

  /** The same request answered by Apollo alone, as with the fast path off. */
  async function byApollo(body: unknown, headers: Record<string, string>): Promise<Answer> {
    const refused = vi.spyOn(PlainDocuments.prototype, 'answer').mockResolvedValue(null);
    try {
      return await post(body, headers);
    } finally {
      refused.mockRestore();
    }
  }

  const claims = async (n: number) =>
    (await db.dataSource.query(`SELECT id, version FROM claims WHERE deleted_at IS NULL ORDER BY id LIMIT $1`, [n])) as Array<{
      id: string;
      version: number;
    }>;
  const revisionCount = async () =>
    Number(((await db.dataSource.query(`SELECT count(*) AS n FROM revisions`)) as Array<{ n: string }>)[0]!.n);
  const edit = (claim: { id: string; version: number }, text: string, extra: Record<string, unknown> = {}) => ({
    query: UPDATE,
    variables: { input: { id: claim.id, expectedVersion: claim.version, text, reason: 'fast path', ...extra } },
  });

  it('answers a success as Apollo does, byte for byte, running the edit once and Apollo not at all', async () => {
    // Two claims brought to the same version, edited alike: one answered without Apollo, the other by Apollo.
    const [a, b] = await claims(2);
    const lower = a!.version < b!.version ? a! : b!;
    const higher = lower === a ? b! : a!;
    while (lower.version < higher.version) {
      expect((await byApollo(edit(lower, `catching up ${lower.version}`), { cookie: editor })).status).toBe(200);
      lower.version++;
    }
    // The first request of the document goes through Apollo, which is what makes it known.
    expect((await byApollo(edit(higher, 'made known'), { cookie: editor })).status).toBe(200);
    expect((await byApollo(edit(lower, 'made known'), { cookie: editor })).status).toBe(200);
    lower.version++;
    higher.version++;
    for (let round = 0; round < 3; round++) {
      const before = await revisionCount();
      const fast = await asItComes(edit(higher, `the same words ${round}`), { cookie: editor });
      const apollo = await byApollo(edit(lower, `the same words ${round}`), { cookie: editor });
      expect(fast.fastRuns).toBe(1);
      expect(fast.apolloCalls).toBe(0);
      expect(fast.edits).toBe(1);
      expect(fast.answer).toEqual(apollo);
      expect(JSON.parse(fast.answer.text).data.updateClaim).toMatchObject({ version: higher.version + 1, text: `the same words ${round}` });
      expect(await revisionCount()).toBe(before + 2);
      lower.version++;
      higher.version++;
    }
    // A retry key is claimed in the edit's transaction, and its answer kept (http/idempotency.ts): Apollo answers it.
    const keyed = await asItComes(edit(higher, 'with a retry key'), { cookie: editor, 'idempotency-key': 'edit-fast-path-1' });
    expect(keyed).toMatchObject({ fastRuns: 0, apolloCalls: 1, edits: 1 });
    expect(JSON.parse(keyed.answer.text).data.updateClaim).toMatchObject({ version: higher.version + 1, text: 'with a retry key' });
  });

  it('answers each refusal through Apollo from the one run, as Apollo alone answers it, writing nothing', async () => {
    const [claim] = await claims(1);
    await byApollo(edit(claim!, 'made known'), { cookie: editor });
    const current = (await claims(1))[0]!;
    const reviewer = await signIn(server, await createUser(db.dataSource, [Role.REVIEWER], `reviewer-${Math.random()}`));
    await post({ query: '{ me { id } }' }, { cookie: reviewer });
    const missing = '00000000-0000-4000-8000-000000000000';
    // Each with whether the claims service is reached (the caller's role is judged before it).
    const cases: Array<[string, unknown, Record<string, string>, number]> = [
      ['a stale version', edit({ ...current, version: current.version - 1 }, 'stale'), { cookie: editor }, 1],
      ['a claim that does not exist', edit({ id: missing, version: 1 }, 'nowhere'), { cookie: editor }, 1],
      ['an id that is not one', edit({ id: 'not-an-id', version: 1 }, 'nowhere'), { cookie: editor }, 1],
      ['an event that does not exist', edit(current, 'with an event', { eventIds: [missing] }), { cookie: editor }, 1],
      ['an empty text', edit(current, '   '), { cookie: editor }, 1],
      [
        'a variable of the wrong type',
        { query: UPDATE, variables: { input: { ...edit(current, 'x').variables.input, expectedVersion: 'one' } } },
        { cookie: editor },
        0,
      ],
      ['a caller without the role', edit(current, 'not mine to change'), { cookie: reviewer }, 0],
      ['no caller at all', edit(current, 'anonymous'), {}, 0],
      ['a forged session', edit(current, 'forged'), { cookie: 'ps_session=forged' }, 0],
    ];
    for (const [name, body, headers, reached] of cases) {
      const before = await revisionCount();
      const fast = await asItComes(body, headers);
      const apollo = await byApollo(body, headers);
      expect({ name, ...fast.answer }).toEqual({ name, ...apollo });
      expect({ name, errors: JSON.parse(fast.answer.text).errors?.length ?? 0 }).not.toEqual({ name, errors: 0 });
      // Run once, without Apollo, and answered by Apollo from that run.
      expect({ name, fastRuns: fast.fastRuns, apolloCalls: fast.apolloCalls, edits: fast.edits }).toEqual({
        name,
        fastRuns: 1,
        apolloCalls: 1,
        edits: reached,
      });
      expect(await revisionCount()).toBe(before);
    }
    expect((await claims(1))[0]!.version).toBe(current.version);
  });
});
