import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { LOGIN_LIMITS } from '../src/modules/users/login-limiter.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

describe('API keys and sign-in limits', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: TestUser;
  let adminCookie: string;

  const login = (email: string, password: string, headers: Record<string, string> = {}) =>
    server.post(
      { query: `mutation($input: LoginInput!) { login(input: $input) { expiresAt } }`, variables: { input: { email, password } } },
      headers,
    );

  beforeAll(async () => {
    // The bursts below open 40 requests at once: waiting for a connection on a busy machine is not what they test.
    db = await createTestDatabase({ connectionTimeoutMs: 60_000 });
    await seedAll(db.dataSource);
    server = await startTestServer(db, { TRUST_PROXY: 'loopback' });
    admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    adminCookie = await signIn(server, admin);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('lets an admin make a key, shown once and stored hashed, with which a client app reads as CLIENT', async () => {
    const created = await server.post(
      { query: `mutation { createApiKey(input: { name: "Newsroom app" }) { key apiKey { id name prefix } } }` },
      { cookie: adminCookie },
    );
    const { key, apiKey } = created.body.data.createApiKey;
    expect(key).toMatch(/^psk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    // The secret is base64url and may hold "_" itself: take everything after the prefix.
    const secret = key.slice('psk_'.length + 12 + 1);
    const [stored] = (await db.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [apiKey.id])) as Array<{ key_hash: string }>;
    expect(stored!.key_hash).not.toContain(secret);
    expect(JSON.stringify(await db.dataSource.query(`SELECT * FROM revisions WHERE record_id = $1`, [apiKey.id]))).not.toContain(secret);
    const listed = await server.post({ query: `{ apiKeys { edges { node { name prefix } } } }` }, { cookie: adminCookie });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const asClient = await server.post(
      { query: `{ claims(first: 100) { edges { node { status } } } me { id } }` },
      { authorization: `Bearer ${key}` },
    );
    const statuses = new Set(asClient.body.data.claims.edges.map((e: any) => e.node.status));
    expect([...statuses]).toEqual(['VERIFIED']);
    expect(asClient.body.data.me).toBeNull();
    const write = await server.post(
      { query: `mutation { createEntity(input: { name: "X", kind: OTHER }) { id } }` },
      { authorization: `Bearer ${key}` },
    );
    expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it('records when a key was last used, to the minute, without a revision', async () => {
    const { key, apiKey } = (
      await server.post(
        { query: `mutation { createApiKey(input: { name: "Wire desk" }) { key apiKey { id lastUsedAt } } }` },
        { cookie: adminCookie },
      )
    ).body.data.createApiKey;
    expect(apiKey.lastUsedAt).toBeNull();
    const lastUsed = async () =>
      (
        await server.post({ query: `{ apiKeys(first: 100) { edges { node { id lastUsedAt } } } }` }, { cookie: adminCookie })
      ).body.data.apiKeys.edges.find(({ node: k }: any) => k.id === apiKey.id).node.lastUsedAt;
    const use = () => server.post({ query: `{ sources { totalCount } }` }, { authorization: `Bearer ${key}` });

    const before = Date.now();
    expect((await use()).status).toBe(200);
    const first = await lastUsed();
    expect(Date.parse(first)).toBeGreaterThanOrEqual(before - 1000);
    await use();
    expect(await lastUsed()).toBe(first);

    await db.owner.query(`UPDATE api_keys SET last_used_at = last_used_at - interval '61 seconds' WHERE id = $1`, [apiKey.id]);
    await use();
    expect(Date.parse(await lastUsed())).toBeGreaterThan(Date.parse(first));
    const history = await db.dataSource.manager.find(Revision, { where: { recordId: apiKey.id } });
    expect(history.map((r) => r.operation)).toEqual(['CREATE']);
  });

  it('refuses a revoked, forged or malformed key with UNAUTHENTICATED', async () => {
    const { key, apiKey } = (
      await server.post(
        { query: `mutation { createApiKey(input: { name: "Short-lived" }) { key apiKey { id version } } }` },
        { cookie: adminCookie },
      )
    ).body.data.createApiKey;
    const revoked = await server.post(
      {
        query: `mutation($input: DeleteInput!) { revokeApiKey(input: $input) { revokedAt } }`,
        variables: { input: { id: apiKey.id, expectedVersion: apiKey.version, reason: 'App retired' } },
      },
      { cookie: adminCookie },
    );
    expect(revoked.body.data.revokeApiKey.revokedAt).not.toBeNull();
    for (const bearer of [key, `${key.slice(0, -1)}A`, 'psk_nonsense']) {
      const { status, body } = await server.post({ query: `{ sources { totalCount } }` }, { authorization: `Bearer ${bearer}` });
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const history = await db.dataSource.manager.find(Revision, { where: { recordId: apiKey.id }, order: { version: 'ASC' } });
    expect(history.map((r) => [r.operation, r.actor])).toEqual([
      ['CREATE', `user:${admin.id}`],
      ['UPDATE', `user:${admin.id}`],
    ]);
  });

  it('keeps key management to admins', async () => {
    const editor = await createEditor(db.dataSource);
    const cookie = await signIn(server, editor);
    const { body } = await server.post({ query: `mutation { createApiKey(input: { name: "Mine" }) { key } }` }, { cookie });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  /** Dozens of argon2 checks (64 MiB each, four at a time) take a while when the machine is shared. */
  const BURST_TIMEOUT_MS = 120_000;
  /** Each test guesses from its own address (the server trusts the loopback proxy), so their counts stay apart. */
  const from = (address: string) => ({ 'x-forwarded-for': address });
  const codesOf = (answers: Array<{ body: any }>) => answers.map((answer) => answer.body.errors?.[0].extensions.code ?? 'SIGNED_IN');
  const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

  it(`rate-limits sign-ins per account after ${LOGIN_LIMITS.perAccount} failures, then refuses even the right password until the window ends`, async () => {
    const victim = await createEditor(db.dataSource);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await login(victim.email, 'wrong password here', from('198.51.100.1'))).body.errors[0].extensions.code).toBe(
        'UNAUTHENTICATED',
      );
    }
    const limited = await login(victim.email, victim.password, from('198.51.100.2'));
    expect(limited.body.errors[0].extensions.code).toBe('RATE_LIMITED');
    // HTTP says it too, so clients and proxies back off: 429 with the seconds left in the window.
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBe(Math.ceil(limited.body.errors[0].extensions.retryAfterSeconds));
    expect(limited.body.errors[0].extensions.retryAfterSeconds).toBeGreaterThan(LOGIN_LIMITS.windowMinutes * 60 - 60);
    expect(limited.body.errors[0].extensions.retryAfterSeconds).toBeLessThanOrEqual(LOGIN_LIMITS.windowMinutes * 60);
    expect(limited.headers.getSetCookie()).toEqual([]);
    const other = await createEditor(db.dataSource);
    expect((await login(other.email, other.password, from('198.51.100.2'))).body.data.login.expiresAt).toBeTruthy();
    await db.dataSource.query(`UPDATE login_attempts SET window_start = window_start - make_interval(mins => $1)`, [
      LOGIN_LIMITS.windowMinutes,
    ]);
    expect((await login(victim.email, victim.password, from('198.51.100.2'))).body.data.login.expiresAt).toBeTruthy();
  });

  it(
    `checks at most ${LOGIN_LIMITS.perAccount} passwords of a burst of 30 concurrent guesses at one account, and then refuses the right one`,
    async () => {
      const victim = await createEditor(db.dataSource);
      const codes = codesOf(
        await Promise.all(Array.from({ length: 30 }, () => login(victim.email, 'wrong password here', from('198.51.100.3')))),
      );
      expect(count(codes, 'UNAUTHENTICATED')).toBe(LOGIN_LIMITS.perAccount);
      expect(count(codes, 'RATE_LIMITED')).toBe(30 - LOGIN_LIMITS.perAccount);
      const right = await login(victim.email, victim.password, from('198.51.100.4'));
      expect(right.body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect(right.headers.getSetCookie()).toEqual([]);
    },
    BURST_TIMEOUT_MS,
  );

  it(
    `checks at most ${LOGIN_LIMITS.perAddress} passwords of a burst of concurrent guesses from one address, whichever accounts they try`,
    async () => {
      const guesses = LOGIN_LIMITS.perAddress + 10;
      const codes = codesOf(
        await Promise.all(
          Array.from({ length: guesses }, (_, i) => login(`nobody-${i}@example.org`, 'guess guess guess', from('198.51.100.5'))),
        ),
      );
      expect(count(codes, 'UNAUTHENTICATED')).toBe(LOGIN_LIMITS.perAddress);
      expect(count(codes, 'RATE_LIMITED')).toBe(10);
      const someone = await createEditor(db.dataSource);
      expect((await login(someone.email, someone.password, from('198.51.100.5'))).body.errors[0].extensions.code).toBe('RATE_LIMITED');
      expect((await login(someone.email, someone.password, from('198.51.100.6'))).body.data.login.expiresAt).toBeTruthy();
    },
    BURST_TIMEOUT_MS,
  );

  it(
    'answers a concurrent mix of right and wrong passwords for one account with sign-ins and refusals, never an error',
    async () => {
      const user = await createEditor(db.dataSource);
      const codes = codesOf(
        await Promise.all(
          Array.from({ length: 12 }, (_, i) => login(user.email, i % 2 ? user.password : 'wrong password here', from('198.51.100.9'))),
        ),
      );
      expect(codes.filter((code) => !['SIGNED_IN', 'UNAUTHENTICATED', 'RATE_LIMITED'].includes(code))).toEqual([]);
      expect(count(codes, 'SIGNED_IN')).toBeGreaterThan(0);
    },
    BURST_TIMEOUT_MS,
  );

  it(
    'forgives an account its failures at the right password, and never charges an address for a sign-in that succeeds',
    async () => {
      const user = await createEditor(db.dataSource);
      for (let i = 0; i < LOGIN_LIMITS.perAccount - 1; i++) await login(user.email, 'wrong password here', from('198.51.100.7'));
      expect((await login(user.email, user.password, from('198.51.100.7'))).body.data.login.expiresAt).toBeTruthy();
      const again = codesOf(
        await Promise.all(
          Array.from({ length: LOGIN_LIMITS.perAccount }, () => login(user.email, 'wrong password here', from('198.51.100.7'))),
        ),
      );
      expect(again).toEqual(Array(LOGIN_LIMITS.perAccount).fill('UNAUTHENTICATED'));

      const office = from('198.51.100.8');
      const colleague = await createEditor(db.dataSource);
      await login(colleague.email, 'wrong password here', office);
      await db.dataSource.query(`UPDATE login_attempts SET attempts = $1 WHERE scope = 'address' AND key = '198.51.100.8'`, [
        LOGIN_LIMITS.perAddress - 1,
      ]);
      for (let i = 0; i < 3; i++) expect((await login(colleague.email, colleague.password, office)).body.data.login.expiresAt).toBeTruthy();
      expect((await login(colleague.email, 'wrong password here', office)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
      expect((await login(colleague.email, colleague.password, office)).body.errors[0].extensions.code).toBe('RATE_LIMITED');
    },
    BURST_TIMEOUT_MS,
  );
});
