import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { replayChanges } from '../src/core/revisions/diff.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { ClaimRecord } from '../src/modules/claims/claim.entity.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

const CLIENTS = 20;
const CLAIMS = 5;
const SECONDS = 5;

describe('concurrent editing over HTTP', () => {
  let db: TestDatabase;
  let server: TestServer;
  let cookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db, { DB_POOL_SIZE: '10' });
    const editor = await createEditor(db.dataSource);
    cookie = await signIn(server, editor);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it(`loses no acknowledged write when ${CLIENTS} clients edit the same ${CLAIMS} claims for ${SECONDS} s`, async () => {
    const ids: string[] = [];
    for (let i = 0; i < CLAIMS; i++) {
      const { body } = await server.post(
        {
          query: `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
          variables: { input: { text: `claim ${i}`, claimantLabel: 'a source', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED' } },
        },
        { cookie },
      );
      ids.push(body.data.createClaim.id);
    }
    const acknowledged: Array<{ id: string; version: number; text: string }> = [];
    let conflicts = 0;
    const deadline = Date.now() + SECONDS * 1000;
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, client) => {
        for (let n = 0; Date.now() < deadline; n++) {
          const id = ids[(client + n) % CLAIMS]!;
          const read = await server.post({ query: `query($id: ID!) { claim(id: $id) { version } }`, variables: { id } }, { cookie });
          const text = `client ${client} edit ${n}`;
          const { body } = await server.post(
            {
              query: `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version text } }`,
              variables: { input: { id, expectedVersion: read.body.data.claim.version, text } },
            },
            { cookie },
          );
          if (body.data?.updateClaim) acknowledged.push({ id, version: body.data.updateClaim.version, text });
          else if (body.errors[0].extensions.code === 'CONFLICT') conflicts++;
          else throw new Error(JSON.stringify(body.errors));
        }
      }),
    );
    expect(acknowledged.length).toBeGreaterThan(CLAIMS * 5);
    expect(conflicts).toBeGreaterThan(0);

    for (const id of ids) {
      const history = await db.dataSource.manager.find(Revision, { where: { recordId: id }, order: { version: 'ASC' } });
      const mine = acknowledged.filter((ack) => ack.id === id);
      expect(history).toHaveLength(1 + mine.length);
      for (const ack of mine) expect(history[ack.version - 1]!.state.text).toBe(ack.text);
      expect(replayChanges(history.map((r) => r.changes))).toEqual(await ClaimRecord.loadState(db.dataSource.manager, id));
    }
    expect((await new HistoryService(db.dataSource).verifyChains()).firstBreak).toBeNull();
  }, 60_000);
});
