import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

describe('two servers over one PostgreSQL', () => {
  let db: TestDatabase;
  let second: Database;
  let a: TestServer;
  let b: TestServer;
  let editor: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    // Each server has its own pool, as two processes behind a load balancer would.
    second = createDataSource(db.appUrl, loadConfig({ NODE_ENV: 'test' }).db);
    await second.dataSource.initialize();
    a = await startTestServer(db);
    b = await startTestServer(second);
    editor = await createEditor(db.dataSource);
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await second.dataSource.destroy();
    await db.drop();
  });

  it('accept a session made by either, show a write through one at once through the other, and catch a conflict across them', async () => {
    const cookie = await signIn(a, editor);
    expect((await b.post({ query: '{ me { id } }' }, { cookie })).body.data.me.id).toBe(editor.id);

    const { body } = await b.post({ query: '{ entities(first: 1) { edges { node { id version } } } }' }, { cookie });
    const entity = body.data.entities.edges[0].node;
    const update = (server: TestServer, description: string) =>
      server.post(
        {
          query: `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version description } }`,
          variables: { input: { id: entity.id, expectedVersion: entity.version, description } },
        },
        { cookie },
      );
    const written = await a.post(
      {
        query: `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`,
        variables: { input: { id: entity.id, expectedVersion: entity.version, description: 'through A' } },
      },
      { cookie },
    );
    expect(written.body.data.updateEntity.version).toBe(entity.version + 1);
    expect(
      (await b.post({ query: `query($id: ID!) { entity(id: $id) { version description } }`, variables: { id: entity.id } }, { cookie }))
        .body.data.entity,
    ).toEqual({ version: entity.version + 1, description: 'through A' });

    const stale = await update(b, 'through B, from a stale read');
    expect(stale.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: entity.version + 1 });
  });
});
