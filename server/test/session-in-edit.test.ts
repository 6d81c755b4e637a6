import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { getSchema } from '../src/graphql/schema.js';
import { confirmedByEdit } from '../src/graphql/unconfirmed-viewer.js';
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

  /**
   * Every mutation declared `@ConfirmsSessionInEdit()`, each with a record it may change and what its answer says of
   * the change. `prepare` makes or picks the record as an admin would, through the API.
   */
  interface JoiningEdit {
    field: string;
    inputType: string;
    selection: string;
    table: string;
    roles: Role[];
    /** Roles that no longer allow the mutation, for a user demoted behind the session generation's back. */
    demotedTo: Role;
    prepare(admin: string): Promise<{ id: string; version: number }>;
    input(target: { id: string; version: number }): Record<string, unknown>;
    /** The answer the change gives, besides the record's id and its next version. */
    changed: Record<string, unknown>;
    /** Statements in all for the mutation asked alone by a session whose user the server has read. */
    statements: number;
  }

  const firstOf = async (table: string, deleted: boolean) => {
    const [row] = (await db.dataSource.query(
      `SELECT id, version FROM ${table} WHERE deleted_at IS ${deleted ? 'NOT ' : ''}NULL ORDER BY id DESC LIMIT 1`,
    )) as Array<{ id: string; version: number }>;
    return row!;
  };
  const asAdmin = async (admin: string, query: string, input: Record<string, unknown>) => {
    const answer = await server.post({ query, variables: { input } }, { cookie: admin });
    expect(answer.body.errors).toBeUndefined();
    return Object.values(answer.body.data as Record<string, { id: string; version: number }>)[0]!;
  };
  /** The seed has a single source, and the table deletes several: each source edited is made for it. */
  const live = (table: string) => (admin: string) =>
    table === 'sources'
      ? asAdmin(admin, `mutation($input: CreateSourceInput!) { createSource(input: $input) { id version } }`, {
          title: 'A source to change',
          text: 'A source made for the session check.',
          language: 'en',
          kind: 'NEWS_ARTICLE',
        })
      : firstOf(table, false);
  const deletedBy = (field: string, inputType: string, table: string) => async (admin: string) => {
    const target = await live(table)(admin);
    return asAdmin(admin, `mutation($input: ${inputType}!) { ${field}(input: $input) { id version } }`, {
      id: target.id,
      expectedVersion: target.version,
      reason: 'Deleted to be restored',
    });
  };
  const annotation = async (admin: string) => {
    const claim = await firstOf('claims', false);
    return asAdmin(admin, `mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id version } }`, {
      targetType: 'CLAIM',
      targetId: claim.id,
      motivation: 'COMMENTING',
      body: 'A note to change.',
    });
  };
  const versioned = (target: { id: string; version: number }) => ({ id: target.id, expectedVersion: target.version });
  const deleting = (target: { id: string; version: number }) => ({ ...versioned(target), reason: 'Deleted by the session check' });
  const editors = { roles: [Role.EDITOR], demotedTo: Role.REVIEWER };
  const kinds = [
    { name: 'Claim', table: 'claims', field: 'text', value: 'Changed by the session check.', updateStatements: 2 },
    { name: 'Event', table: 'events', field: 'title', value: 'Changed by the session check', updateStatements: 2 },
    { name: 'Entity', table: 'entities', field: 'name', value: 'Changed by the session check', updateStatements: 3 },
    { name: 'Source', table: 'sources', field: 'title', value: 'Changed by the session check', updateStatements: 3 },
  ];
  const joining: JoiningEdit[] = [
    ...kinds.flatMap(({ name, table, field, value, updateStatements }): JoiningEdit[] => [
      {
        ...editors,
        field: `update${name}`,
        inputType: `Update${name}Input`,
        selection: `id version ${field}`,
        table,
        prepare: live(table),
        input: (target) => ({ ...versioned(target), [field]: value }),
        changed: { [field]: value },
        statements: updateStatements,
      },
      {
        ...editors,
        field: `delete${name}`,
        inputType: 'DeleteInput',
        selection: 'id version deletedAt',
        table,
        prepare: live(table),
        input: deleting,
        changed: { deletedAt: expect.any(String) },
        statements: 3,
      },
      {
        ...editors,
        field: `restore${name}`,
        inputType: 'RestoreInput',
        selection: 'id version deletedAt',
        table,
        prepare: deletedBy(`delete${name}`, 'DeleteInput', table),
        input: versioned,
        changed: { deletedAt: null },
        statements: 3,
      },
    ]),
    {
      roles: [Role.REVIEWER],
      demotedTo: Role.CLIENT,
      field: 'updateAnnotation',
      inputType: 'UpdateAnnotationInput',
      selection: 'id version resolved',
      table: 'annotations',
      prepare: annotation,
      input: (target) => ({ ...versioned(target), resolved: true }),
      changed: { resolved: true },
      statements: 3,
    },
    {
      roles: [Role.REVIEWER],
      demotedTo: Role.CLIENT,
      field: 'restoreAnnotation',
      inputType: 'RestoreInput',
      selection: 'id version deletedAt',
      table: 'annotations',
      prepare: async (admin) =>
        asAdmin(
          admin,
          `mutation($input: DeleteInput!) { deleteAnnotation(input: $input) { id version } }`,
          deleting(await annotation(admin)),
        ),
      input: versioned,
      changed: { deletedAt: null },
      statements: 3,
    },
    {
      roles: [Role.ADMIN],
      demotedTo: Role.EDITOR,
      field: 'revokeApiKey',
      inputType: 'DeleteInput',
      selection: 'id version revokedAt',
      table: 'api_keys',
      prepare: async (admin) =>
        (
          (
            await server.post(
              { query: `mutation { createApiKey(input: { name: "Session check" }) { apiKey { id version } } }` },
              { cookie: admin },
            )
          ).body.data as { createApiKey: { apiKey: { id: string; version: number } } }
        ).createApiKey.apiKey,
      input: deleting,
      changed: { revokedAt: expect.any(String) },
      statements: 3,
    },
  ];

  /** The mutation asked alone; `ordinary` asks it with a directive, which makes the session's user read first. */
  const ask = (edit: JoiningEdit, cookie: string, target: { id: string; version: number }, ordinary = false) =>
    server.post(
      {
        query: `mutation($input: ${edit.inputType}!) { ${edit.field}(input: $input)${ordinary ? ' @include(if: true)' : ''} { ${edit.selection} } }`,
        variables: { input: edit.input(target) },
      },
      { cookie },
    );
  const rowOf = async (table: string, id: string) => (await db.dataSource.query(`SELECT * FROM ${table} WHERE id = $1`, [id])) as unknown[];
  const signedIn = async (roles: Role[]) => {
    const user = await createUser(db.dataSource, roles);
    const cookie = await signIn(server, user);
    expect((await server.post({ query: '{ me { id } }' }, { cookie })).body.data.me).toEqual({ id: user.id });
    return { user, cookie };
  };

  it('declares exactly the mutations whose services touch nothing in the database before the one-statement edit', async () => {
    expect([...confirmedByEdit(await getSchema())].sort()).toEqual(joining.map((edit) => edit.field).sort());
  });

  describe.each(joining)('$field', (edit) => {
    let admin: string;
    beforeAll(async () => {
      admin = await signIn(server, await createUser(db.dataSource, [Role.ADMIN], 'admin'));
    });

    it('reads the session in its own first statement, one round trip fewer than the ordinary read, with the same answer', async () => {
      const { cookie } = await signedIn(edit.roles);
      const target = await edit.prepare(admin);
      let before = db.statements.count;
      const joined = await ask(edit, cookie, target);
      expect(joined.body).toEqual({ data: { [edit.field]: { id: target.id, version: target.version + 1, ...edit.changed } } });
      expect(db.statements.count - before).toBe(edit.statements);
      const other = await edit.prepare(admin);
      const second = await signedIn(edit.roles);
      before = db.statements.count;
      const ordinary = await ask(edit, second.cookie, other, true);
      expect(ordinary.body).toEqual({ data: { [edit.field]: { id: other.id, version: other.version + 1, ...edit.changed } } });
      expect(db.statements.count - before).toBe(edit.statements + 1);
    });

    it.each([
      ['a session ended since', `session_generation = session_generation + 1`, 'UNAUTHENTICATED'],
      ['a user disabled since', `disabled = true`, 'UNAUTHENTICATED'],
      ['a user deleted since', `deleted_at = now()`, 'UNAUTHENTICATED'],
      ['a user demoted since', 'demoted', 'FORBIDDEN'],
    ])('refuses %s as the ordinary read does, writing nothing', async (_, change, code) => {
      const { user, cookie } = await signedIn(edit.roles);
      const target = await edit.prepare(admin);
      const row = await rowOf(edit.table, target.id);
      const revisions = await revisionsOf(target.id);
      await db.owner.query(`UPDATE users SET ${change === 'demoted' ? `roles = '{${edit.demotedTo}}'` : change} WHERE id = $1`, [user.id]);
      const joined = await ask(edit, cookie, target);
      expect(joined.body.errors[0].extensions.code).toBe(code);
      // The server has read the user now: the same request takes the ordinary path, and must be answered the same.
      expect((await ask(edit, cookie, target, true)).body).toEqual(joined.body);
      expect(await rowOf(edit.table, target.id)).toEqual(row);
      expect(await revisionsOf(target.id)).toBe(revisions);
    });
  });

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
