import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const UPDATE = `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id version text } }`;

/**
 * An edit over HTTP reads the session's user in its own first statement, once the server has read that user at the
 * session's generation before: two statements in all. Whatever that statement finds changed, the request is answered
 * as the ordinary read of the user would have it answered, and nothing is written.
 */
describe('the session checked by the edit itself', () => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  const draftClaim = async (): Promise<{ id: string; version: number }> => {
    const [claim] = (await db.dataSource.query(`SELECT id, version FROM claims WHERE deleted_at IS NULL ORDER BY id LIMIT 1`)) as Array<{
      id: string;
      version: number;
    }>;
    return claim!;
  };
  const revisionsOf = async (id: string) =>
    Number(((await db.dataSource.query(`SELECT count(*) AS n FROM revisions WHERE record_id = $1`, [id])) as Array<{ n: string }>)[0]!.n);
  const edit = (cookie: string, claim: { id: string; version: number }, text: string) =>
    server.post(
      { query: UPDATE, variables: { input: { id: claim.id, expectedVersion: claim.version, text, reason: 'session check' } } },
      { cookie },
    );

  /** An editor signed in, whose user the server has read once since (the `me` a console opens with). */
  const signedInEditor = async (): Promise<{ user: TestUser; cookie: string }> => {
    const user = await createEditor(db.dataSource);
    const cookie = await signIn(server, user);
    expect((await server.post({ query: '{ me { id } }' }, { cookie })).body.data.me).toEqual({ id: user.id });
    return { user, cookie };
  };

  it('is two statements in all for an edit of a claim, the session included, where the first request of a session is three', async () => {
    const user = await createEditor(db.dataSource);
    const cookie = await signIn(server, user);
    const claim = await draftClaim();
    let before = db.statements.count;
    const first = await edit(cookie, claim, 'Edited with the session read on its own.');
    expect(first.body.data.updateClaim).toEqual({
      id: claim.id,
      version: claim.version + 1,
      text: 'Edited with the session read on its own.',
    });
    expect(db.statements.count - before).toBe(3);
    before = db.statements.count;
    const second = await edit(cookie, { id: claim.id, version: claim.version + 1 }, 'Edited with the session read by the edit.');
    expect(second.body.data.updateClaim.version).toBe(claim.version + 2);
    expect(db.statements.count - before).toBe(2);
  });

  it('refuses, on that very request, a session ended since the user was last read, writing nothing and clearing the cookie', async () => {
    const { user, cookie } = await signedInEditor();
    const claim = await draftClaim();
    const revisions = await revisionsOf(claim.id);
    await db.owner.query(`UPDATE users SET session_generation = session_generation + 1 WHERE id = $1`, [user.id]);
    const refused = await edit(cookie, claim, 'Never written.');
    expect(refused.body.data).toBeNull();
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(refused.headers.getSetCookie().some((set) => /^ps_session=;/.test(set))).toBe(true);
    expect(await draftClaim()).toEqual(claim);
    expect(await revisionsOf(claim.id)).toBe(revisions);
  });

  it('refuses a user disabled or deleted since, and one whose roles no longer allow the edit, as the ordinary read would', async () => {
    const claim = await draftClaim();
    const revisions = await revisionsOf(claim.id);
    const disabled = await signedInEditor();
    await db.owner.query(`UPDATE users SET disabled = true WHERE id = $1`, [disabled.user.id]);
    expect((await edit(disabled.cookie, claim, 'Never written.')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const deleted = await signedInEditor();
    await db.owner.query(`UPDATE users SET deleted_at = now() WHERE id = $1`, [deleted.user.id]);
    expect((await edit(deleted.cookie, claim, 'Never written.')).body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    // Roles changed behind the session generation's back: the edit's check compares the roles too.
    const demoted = await signedInEditor();
    await db.owner.query(`UPDATE users SET roles = '{REVIEWER}' WHERE id = $1`, [demoted.user.id]);
    expect((await edit(demoted.cookie, claim, 'Never written.')).body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect(await draftClaim()).toEqual(claim);
    expect(await revisionsOf(claim.id)).toBe(revisions);
  });

  it('writes once, as the user now is, when the roles changed but still allow the edit', async () => {
    const { user, cookie } = await signedInEditor();
    const claim = await draftClaim();
    const revisions = await revisionsOf(claim.id);
    await db.owner.query(`UPDATE users SET roles = '{ADMIN}' WHERE id = $1`, [user.id]);
    const before = db.statements.count;
    const edited = await edit(cookie, claim, 'Written by an admin now.');
    expect(edited.body.data.updateClaim.version).toBe(claim.version + 1);
    // The edit's read refused the roles taken, the user was read, and the edit ran again: its read, then its write.
    expect(db.statements.count - before).toBe(4);
    expect(await revisionsOf(claim.id)).toBe(revisions + 1);
  });

  it('answers a refused session, not the input, when the edit fails before its read', async () => {
    const { user, cookie } = await signedInEditor();
    await db.owner.query(`UPDATE users SET session_generation = session_generation + 1 WHERE id = $1`, [user.id]);
    const refused = await server.post(
      { query: UPDATE, variables: { input: { id: 'not-an-id', expectedVersion: 1, text: 'x' } } },
      { cookie },
    );
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('reads the user before anything else runs for any other operation, an edit asked with another field included', async () => {
    const { user, cookie } = await signedInEditor();
    const claim = await draftClaim();
    await db.owner.query(`UPDATE users SET session_generation = session_generation + 1 WHERE id = $1`, [user.id]);
    expect((await server.post({ query: '{ me { id } }' }, { cookie })).body.data.me).toBeNull();
    const other = await signedInEditor();
    await db.owner.query(`UPDATE users SET disabled = true WHERE id = $1`, [other.user.id]);
    const both = await server.post(
      {
        query: `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } again: updateClaim(input: $input) { version } }`,
        variables: { input: { id: claim.id, expectedVersion: claim.version, text: 'Never written.' } },
      },
      { cookie: other.cookie },
    );
    expect(both.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(await draftClaim()).toEqual(claim);
  });

  it('still refuses a revoked API key on the request after its revocation', async () => {
    const admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    const adminCookie = await signIn(server, admin);
    const { key, apiKey } = (
      await server.post(
        { query: `mutation { createApiKey(input: { name: "Reader" }) { key apiKey { id version } } }` },
        { cookie: adminCookie },
      )
    ).body.data.createApiKey;
    expect((await server.post({ query: '{ sources { totalCount } }' }, { authorization: `Bearer ${key}` })).status).toBe(200);
    const revoked = await server.post(
      {
        query: `mutation($input: DeleteInput!) { revokeApiKey(input: $input) { revokedAt } }`,
        variables: { input: { id: apiKey.id, expectedVersion: apiKey.version, reason: 'Revoked' } },
      },
      { cookie: adminCookie },
    );
    expect(revoked.body.data.revokeApiKey.revokedAt).not.toBeNull();
    const refused = await server.post({ query: '{ sources { totalCount } }' }, { authorization: `Bearer ${key}` });
    expect(refused.status).toBe(401);
    expect(refused.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});
