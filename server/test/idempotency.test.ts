import { parse, print } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { canonicalJson, sha256Hex } from '../src/core/revisions/canonical-json.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const CREATE = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id name version } }`;

describe('Idempotency-Key', () => {
  let db: TestDatabase;
  let server: TestServer;
  let cookie: string;
  const entities = async () => Number((await db.dataSource.query(`SELECT count(*) FROM entities`))[0].count);

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db);
    const editor = await createEditor(db.dataSource);
    cookie = await signIn(server, editor);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it('answers a retried mutation with the first answer, and writes nothing again', async () => {
    const body = { query: CREATE, variables: { input: { name: 'Rosatom', kind: 'ORGANIZATION' } } };
    const first = await server.post(body, { cookie, 'idempotency-key': 'create-rosatom-1' });
    expect(first.body.data.createEntity).toMatchObject({ name: 'Rosatom', version: 1 });
    const count = await entities();
    const revisions = await db.dataSource.manager.count(Revision);
    const retry = await server.post(body, { cookie, 'idempotency-key': 'create-rosatom-1' });
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await entities()).toBe(count);
    expect(await db.dataSource.manager.count(Revision)).toBe(revisions);
  });

  it('refuses the same key with a different request, and writes nothing', async () => {
    const count = await entities();
    const other = await server.post(
      { query: CREATE, variables: { input: { name: 'Sukhoi', kind: 'ORGANIZATION' } } },
      { cookie, 'idempotency-key': 'create-rosatom-1' },
    );
    expect(other.body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(other.body.errors[0].message).toMatch(/different request/);
    expect(await entities()).toBe(count);
  });

  it('lets only one of two simultaneous requests with one key write', async () => {
    const count = await entities();
    const body = { query: CREATE, variables: { input: { name: 'Gazprom', kind: 'ORGANIZATION' } } };
    const results = await Promise.all([1, 2, 3].map(() => server.post(body, { cookie, 'idempotency-key': 'create-gazprom' })));
    expect(await entities()).toBe(count + 1);
    const created = results.filter((r) => r.body.data?.createEntity).map((r) => r.body.data.createEntity.id);
    expect(new Set(created).size).toBe(1);
    for (const r of results.filter((r) => r.body.errors)) expect(r.body.errors[0].extensions.code).toBe('CONFLICT');
  });

  it('covers an operation of several writes as one: a merge claims the key once', async () => {
    const ids = await Promise.all(
      ['A', 'B'].map(
        async (name) =>
          (await server.post({ query: CREATE, variables: { input: { name, kind: 'OTHER' } } }, { cookie })).body.data.createEntity.id,
      ),
    );
    const merge = {
      query: `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id aliases } }`,
      variables: { input: { winnerId: ids[0], winnerExpectedVersion: 1, loserId: ids[1], loserExpectedVersion: 1, reason: 'same' } },
    };
    const first = await server.post(merge, { cookie, 'idempotency-key': 'merge-a-b' });
    expect(first.body.data.mergeEntities).toEqual({ id: ids[0], aliases: ['B'] });
    const again = await server.post(merge, { cookie, 'idempotency-key': 'merge-a-b' });
    expect(again.body).toEqual(first.body);
  });

  it('never keeps a new API key for a replay: the retry is told it was made, and no copy of the key is stored', async () => {
    const admin = await signIn(server, await createUser(db.dataSource, [Role.ADMIN], 'admin'));
    const body = {
      query: `mutation($input: CreateApiKeyInput!) { createApiKey(input: $input) { key apiKey { id name } } }`,
      variables: { input: { name: 'Wire desk' } },
    };
    const first = await server.post(body, { cookie: admin, 'idempotency-key': 'key-for-wire-desk' });
    const { key } = first.body.data.createApiKey;
    expect(key).toMatch(/^psk_/);
    const stored = JSON.stringify(await db.owner.query(`SELECT * FROM idempotency_keys`));
    expect(stored).not.toContain(key);
    expect(stored).not.toContain(key.slice(4));

    const retry = await server.post(body, { cookie: admin, 'idempotency-key': 'key-for-wire-desk' });
    expect(retry.body.data).toBeUndefined();
    expect(retry.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(retry.body.errors[0].message).toMatch(/shown only in that answer/);
    expect(await db.dataSource.query(`SELECT name FROM api_keys WHERE name = 'Wire desk'`)).toHaveLength(1);
  });

  it('keys the fingerprint of a request with the server secret, so a password it carries cannot be tested against guesses', async () => {
    const admin = await signIn(server, await createUser(db.dataSource, [Role.ADMIN], 'admin'));
    const request = {
      query: `mutation($input: CreateUserInput!) { createUser(input: $input) { id } }`,
      variables: { input: { email: 'guess-me@example.org', name: 'Guess Me', roles: ['EDITOR'], password: 'tangerine otter 5591 quilt' } },
    };
    const created = await server.post(request, { cookie: admin, 'idempotency-key': 'new-user-guess-me' });
    expect(created.body.data.createUser.id).toBeTruthy();
    const [row] = (await db.owner.query(`SELECT fingerprint FROM idempotency_keys WHERE key = 'new-user-guess-me'`)) as Array<{
      fingerprint: string;
    }>;
    const plain = sha256Hex(canonicalJson({ query: print(parse(request.query)), operationName: null, variables: request.variables }));
    expect(row!.fingerprint).toMatch(/^[0-9a-f]{64}$/);
    expect(row!.fingerprint).not.toBe(plain);
    expect(JSON.stringify(row)).not.toContain('tangerine');
  });
});
