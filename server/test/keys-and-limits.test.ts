import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { LOGIN_LIMITS } from '../src/modules/users/login-limiter.js';
import { Role } from '../src/modules/users/users.enums.js';
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
    server.post({ query: `mutation($input: LoginInput!) { login(input: $input) { expiresAt } }`, variables: { input: { email, password } } }, headers);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
    admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    adminCookie = await signIn(server, admin);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('lets an admin make a key, shown once and stored hashed, with which a client app reads as CLIENT', async () => {
    const created = await server.post({ query: `mutation { createApiKey(input: { name: "Newsroom app" }) { key apiKey { id name prefix } } }` }, { cookie: adminCookie });
    const { key, apiKey } = created.body.data.createApiKey;
    expect(key).toMatch(/^psk_[a-z0-9]{12}_[A-Za-z0-9_-]{43}$/);
    // The secret is base64url and may hold "_" itself: take everything after the prefix.
    const secret = key.slice('psk_'.length + 12 + 1);
    const [stored] = (await db.dataSource.query(`SELECT key_hash FROM api_keys WHERE id = $1`, [apiKey.id])) as Array<{ key_hash: string }>;
    expect(stored!.key_hash).not.toContain(secret);
    expect(JSON.stringify(await db.dataSource.query(`SELECT * FROM revisions WHERE record_id = $1`, [apiKey.id]))).not.toContain(secret);
    const listed = await server.post({ query: `{ apiKeys { name prefix } }` }, { cookie: adminCookie });
    expect(JSON.stringify(listed.body)).not.toContain(key);

    const asClient = await server.post({ query: `{ claims(first: 100) { edges { node { status } } } me { id } }` }, { authorization: `Bearer ${key}` });
    const statuses = new Set(asClient.body.data.claims.edges.map((e: any) => e.node.status));
    expect([...statuses]).toEqual(['VERIFIED']);
    expect(asClient.body.data.me).toBeNull();
    const write = await server.post({ query: `mutation { createEntity(input: { name: "X", kind: OTHER }) { id } }` }, { authorization: `Bearer ${key}` });
    expect(write.body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it("records when a key was last used, to the minute, without a revision", async () => {
    const { key, apiKey } = (await server.post({ query: `mutation { createApiKey(input: { name: "Wire desk" }) { key apiKey { id lastUsedAt } } }` }, { cookie: adminCookie })).body.data.createApiKey;
    expect(apiKey.lastUsedAt).toBeNull();
    const lastUsed = async () => (await server.post({ query: `{ apiKeys { id lastUsedAt } }` }, { cookie: adminCookie })).body.data.apiKeys.find((k: any) => k.id === apiKey.id).lastUsedAt;
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
    const { key, apiKey } = (await server.post({ query: `mutation { createApiKey(input: { name: "Short-lived" }) { key apiKey { id version } } }` }, { cookie: adminCookie })).body.data.createApiKey;
    const revoked = await server.post({ query: `mutation($input: DeleteInput!) { revokeApiKey(input: $input) { revokedAt } }`, variables: { input: { id: apiKey.id, expectedVersion: apiKey.version, reason: 'App retired' } } }, { cookie: adminCookie });
    expect(revoked.body.data.revokeApiKey.revokedAt).not.toBeNull();
    for (const bearer of [key, `${key.slice(0, -1)}A`, 'psk_nonsense']) {
      const { status, body } = await server.post({ query: `{ sources { totalCount } }` }, { authorization: `Bearer ${bearer}` });
      expect(status).toBe(401);
      expect(body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const history = await db.dataSource.manager.find(Revision, { where: { recordId: apiKey.id }, order: { version: 'ASC' } });
    expect(history.map((r) => [r.operation, r.actor])).toEqual([['CREATE', `user:${admin.id}`], ['UPDATE', `user:${admin.id}`]]);
  });

  it('keeps key management to admins', async () => {
    const editor = await createEditor(db.dataSource);
    const cookie = await signIn(server, editor);
    const { body } = await server.post({ query: `mutation { createApiKey(input: { name: "Mine" }) { key } }` }, { cookie });
    expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  });

  it(`rate-limits failed sign-ins per account after ${LOGIN_LIMITS.perAccount}, and then refuses even the right password`, async () => {
    const victim = await createEditor(db.dataSource);
    for (let i = 0; i < LOGIN_LIMITS.perAccount; i++) {
      expect((await login(victim.email, 'wrong password here')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
    const limited = await login(victim.email, victim.password);
    expect(limited.body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfterSeconds: LOGIN_LIMITS.windowMinutes * 60 });
    expect(limited.headers.getSetCookie()).toEqual([]);
    const other = await createEditor(db.dataSource);
    expect((await login(other.email, other.password)).body.data.login.expiresAt).toBeTruthy();
  });

  it(`rate-limits failed sign-ins per address after ${LOGIN_LIMITS.perAddress}, whichever accounts they try`, async () => {
    await db.dataSource.query(`DELETE FROM login_failures`);
    for (let i = 0; i < LOGIN_LIMITS.perAddress; i++) await login(`nobody-${i}@example.org`, 'guess guess guess');
    const someone = await createEditor(db.dataSource);
    expect((await login(someone.email, someone.password)).body.errors[0].extensions.code).toBe('RATE_LIMITED');
  });
});
