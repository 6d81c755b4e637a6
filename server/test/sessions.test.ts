import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { SessionTokens } from '../src/modules/users/sessions.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const sessionCookieOf = (headers: Headers) => headers.getSetCookie().find((cookie) => cookie.startsWith('ps_session='));

describe('sessions and writes over HTTP', () => {
  let db: TestDatabase;
  let server: TestServer;
  let editor: TestUser;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
    editor = await createEditor(db.dataSource);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const login = `mutation($input: LoginInput!) { login(input: $input) { user { id name roles email } expiresAt } }`;

  it('signs in with email and password, setting an HttpOnly SameSite cookie and no token in the body', async () => {
    const { body, headers } = await server.post({
      query: login,
      variables: { input: { email: editor.email.toUpperCase(), password: editor.password } },
    });
    expect(body.data.login.user).toEqual({ id: editor.id, name: 'editor', roles: ['EDITOR'], email: editor.email });
    const setCookie = sessionCookieOf(headers)!;
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Strict/);
    expect(JSON.stringify(body)).not.toContain(setCookie.split(';')[0]!.split('=')[1]);
    cookie = setCookie.split(';')[0]!;
    const me = await server.post({ query: '{ me { id roles } }' }, { cookie });
    expect(me.body.data.me).toEqual({ id: editor.id, roles: ['EDITOR'] });
  });

  it('refuses a wrong password, an unknown account and a forged or expired token alike', async () => {
    const wrong = await server.post({ query: login, variables: { input: { email: editor.email, password: 'not the password' } } });
    expect(wrong.body.errors[0]).toMatchObject({ message: 'Wrong email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(sessionCookieOf(wrong.headers)).toBeUndefined();
    const unknown = await server.post({ query: login, variables: { input: { email: 'nobody@example.org', password: 'whatever it is' } } });
    expect(unknown.body.errors[0].message).toBe('Wrong email or password');
    const forged = await new SessionTokens('another-secret-that-is-at-least-32-chars', 600).issue(editor.id, 0);
    expect((await server.post({ query: '{ me { id } }' }, { cookie: `ps_session=${forged}` })).body.data.me).toBeNull();
    const expired = await new SessionTokens(server.config.auth.secret, 60).issue(editor.id, 0, Math.floor(Date.now() / 1000) - 3600);
    expect((await server.post({ query: '{ me { id } }' }, { cookie: `ps_session=${expired}` })).body.data.me).toBeNull();
  });

  it('refuses a correctly signed token issued in the future, or to live longer than sessions live here', async () => {
    const { secret, sessionTtlSeconds } = server.config.auth;
    const me = async (token: string) => (await server.post({ query: '{ me { id } }' }, { cookie: `ps_session=${token}` })).body.data.me;
    expect(await me(await new SessionTokens(secret, sessionTtlSeconds).issue(editor.id, 0))).toEqual({ id: editor.id });
    expect(await me(await new SessionTokens(secret, sessionTtlSeconds + 1).issue(editor.id, 0))).toBeNull();
    expect(await me(await new SessionTokens(secret, 365 * 24 * 3600).issue(editor.id, 0))).toBeNull();
    expect(await me(await new SessionTokens(secret, 60).issue(editor.id, 0, Math.floor(Date.now() / 1000) + 3600))).toBeNull();
  });

  it('renews a session past half its life', async () => {
    const old = await new SessionTokens(server.config.auth.secret, server.config.auth.sessionTtlSeconds).issue(
      editor.id,
      0,
      Math.floor(Date.now() / 1000) - server.config.auth.sessionTtlSeconds + 60,
    );
    const renewed = await server.post({ query: '{ me { id } }' }, { cookie: `ps_session=${old}` });
    expect(renewed.body.data.me.id).toBe(editor.id);
    expect(sessionCookieOf(renewed.headers)).toMatch(/^ps_session=[^;]+;/);
  });

  it('ends at logout every session of the user, a copied token or another device included, with a revision that says so', async () => {
    const user = await createEditor(db.dataSource);
    const [laptop, phone] = [await signIn(server, user), await signIn(server, user)];
    const copied = laptop.split('=')[1]!;
    const me = async (headers: Record<string, string>) => (await server.post({ query: '{ me { id } }' }, headers)).body.data.me;
    expect(await me({ authorization: `Bearer ${copied}` })).toEqual({ id: user.id });
    const out = await server.post({ query: 'mutation { logout }' }, { cookie: laptop });
    expect(out.body.data.logout).toBe(true);
    expect(sessionCookieOf(out.headers)).toMatch(/Expires=Thu, 01 Jan 1970/);
    expect(await me({ cookie: laptop })).toBeNull();
    expect(await me({ authorization: `Bearer ${copied}` })).toBeNull();
    expect(await me({ cookie: phone })).toBeNull();
    const last = await db.dataSource.manager.findOne(Revision, { where: { recordId: user.id }, order: { version: 'DESC' } });
    expect(last).toMatchObject({ reason: 'Signed out: every session ended', actor: `user:${user.id}`, changes: {} });
    expect(JSON.stringify(last!.state)).not.toMatch(/generation/i);
    expect(await me({ cookie: await signIn(server, user) })).toEqual({ id: user.id });
    expect((await server.post({ query: 'mutation { logout }' })).body.data.logout).toBe(true);
  });

  it('lets exactly one of two truly concurrent updates of a record win; the loser changes nothing', async () => {
    const { body } = await server.post({ query: '{ entities(first: 1) { edges { node { id version name } } } }' }, { cookie });
    const entity = body.data.entities.edges[0].node;
    const update = (name: string) =>
      server.post(
        {
          query: 'mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version name } }',
          variables: { input: { id: entity.id, expectedVersion: entity.version, name } },
        },
        { cookie },
      );
    const results = await Promise.all(['Name from A', 'Name from B', 'Name from C', 'Name from D'].map(update));
    const winners = results.filter((r) => r.body.data?.updateEntity);
    const losers = results.filter((r) => r.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers).toHaveLength(3);
    for (const loser of losers)
      expect(loser.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: entity.version + 1 });
    const winnerName = winners[0]!.body.data.updateEntity.name;
    const revisions = await db.dataSource.manager.find(Revision, { where: { recordId: entity.id }, order: { version: 'ASC' } });
    expect(revisions).toHaveLength(entity.version + 1);
    expect(revisions.at(-1)!.changes).toEqual({ name: { before: entity.name, after: winnerName } });
    const [row] = (await db.dataSource.query('SELECT name, version FROM entities WHERE id = $1', [entity.id])) as Array<{
      name: string;
      version: number;
    }>;
    expect(row).toEqual({ name: winnerName, version: entity.version + 1 });
  });
});

describe('changing a password', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('needs the current password, records a revision without the hash, ends every other session, and then only the new one signs in', async () => {
    const user = await createEditor(db.dataSource);
    const signIn = (password: string) =>
      server.post({
        query: `mutation($input: LoginInput!) { login(input: $input) { expiresAt } }`,
        variables: { input: { email: user.email, password } },
      });
    const cookie = (await signIn(user.password)).headers.getSetCookie()[0]!.split(';')[0]!;
    const change = (currentPassword: string, newPassword: string) =>
      server.post(
        {
          query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { id } }`,
          variables: { input: { currentPassword, newPassword } },
        },
        { cookie },
      );
    expect((await change('not my password', 'a brand new passphrase')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await change(user.password, 'short')).body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    for (const guessable of ['password1234', user.email]) {
      expect((await change(user.password, guessable)).body.errors[0]).toMatchObject({
        message: expect.stringMatching(/^newPassword: is too easy to guess/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const elsewhere = (await signIn(user.password)).headers.getSetCookie()[0]!.split(';')[0]!;
    const changed = await change(user.password, 'a brand new passphrase');
    expect(changed.body.data.changePassword.id).toBe(user.id);
    const me = async (cookie: string) => (await server.post({ query: '{ me { id } }' }, { cookie })).body.data.me;
    expect(await me(elsewhere)).toBeNull();
    expect(await me(cookie)).toBeNull();
    expect(await me(sessionCookieOf(changed.headers)!.split(';')[0]!)).toEqual({ id: user.id });
    expect((await signIn(user.password)).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect((await signIn('a brand new passphrase')).body.data.login.expiresAt).toBeTruthy();
    const last = await db.dataSource.manager.findOne(Revision, { where: { recordId: user.id }, order: { version: 'DESC' } });
    expect(last!.reason).toBe('Password changed');
    expect(Object.keys(last!.changes)).toEqual(['passwordDigest']);
    expect(JSON.stringify(last)).not.toMatch(/argon2/);
  });
});

describe('an admin changing a user', () => {
  let db: TestDatabase;
  let server: TestServer;
  let admin: TestUser;
  let adminCookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db);
    admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    adminCookie = await signIn(server, admin);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const me = async (cookie: string) => (await server.post({ query: '{ me { id } }' }, { cookie })).body.data.me;
  const update = async (input: Record<string, unknown>, cookie = adminCookie) => {
    const { version } = (await db.dataSource.query(`SELECT version FROM users WHERE id = $1`, [input.id]))[0];
    return server.post(
      {
        query: 'mutation($input: UpdateUserInput!) { updateUser(input: $input) { id roles disabled } }',
        variables: { input: { expectedVersion: version, ...input } },
      },
      { cookie },
    );
  };

  it("ends the user's sessions when their roles change or they are disabled, not when their name does", async () => {
    const user = await createEditor(db.dataSource);
    let cookie = await signIn(server, user);
    expect((await update({ id: user.id, name: 'Renamed' })).body.data.updateUser.id).toBe(user.id);
    expect(await me(cookie)).toEqual({ id: user.id });
    expect((await update({ id: user.id, roles: ['EDITOR', 'REVIEWER'] })).body.data.updateUser.roles).toEqual(['EDITOR', 'REVIEWER']);
    expect(await me(cookie)).toBeNull();
    cookie = await signIn(server, user);
    expect((await update({ id: user.id, disabled: true })).body.data.updateUser.disabled).toBe(true);
    expect((await update({ id: user.id, disabled: false })).body.data.updateUser.disabled).toBe(false);
    expect(await me(cookie)).toBeNull();
    expect(await me(await signIn(server, user))).toEqual({ id: user.id });
  });

  it('keeps the session of an admin who changes their own roles, and ends their others', async () => {
    const elsewhere = await signIn(server, admin);
    const { body, headers } = await update({ id: admin.id, roles: ['ADMIN', 'EDITOR'] });
    expect(body.data.updateUser.roles).toEqual(['ADMIN', 'EDITOR']);
    expect(await me(elsewhere)).toBeNull();
    adminCookie = sessionCookieOf(headers)!.split(';')[0]!;
    expect(await me(adminCookie)).toEqual({ id: admin.id });
  });

  it('makes accounts only with passwords that are hard to guess, for anyone or from their own name and address', async () => {
    const create = (password: string, email = `marta-${Math.random().toString(36).slice(2)}@example.org`) =>
      server.post(
        {
          query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
          variables: { input: { email, name: 'Marta Nowak', roles: ['EDITOR'], password } },
        },
        { cookie: adminCookie },
      );
    for (const [password, email] of [['letmein12345'], ['marta.nowak@example.org', 'marta.nowak@example.org']] as const) {
      expect((await create(password, email)).body.errors[0], password).toMatchObject({
        message: expect.stringMatching(/^password: is too easy to guess/),
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    expect((await create('purple staple gravel lantern')).body.data.createUser.id).toBeTruthy();
  });

  it('makes no account without a role, and writes nothing for it', async () => {
    const email = 'no-role@example.org';
    const { body } = await server.post(
      {
        query: 'mutation($input: CreateUserInput!) { createUser(input: $input) { id } }',
        variables: { input: { email, name: 'Nobody Inparticular', roles: [], password: 'purple staple gravel lantern' } },
      },
      { cookie: adminCookie },
    );
    expect(body.errors[0]).toMatchObject({ message: 'roles: give at least one role', extensions: { code: 'BAD_USER_INPUT' } });
    const { body: users } = await server.post({ query: '{ users(first: 100) { edges { node { email } } } }' }, { cookie: adminCookie });
    expect(users.data.users.edges.map(({ node }: { node: { email: string } }) => node.email)).not.toContain(email);
  });
});
