import { createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

import { chainHeadHash, checkpointSignatureValid, checkpointText, keyIdOf } from '../src/core/checkpoints/checkpoint.js';
import { leafHash, merkleRoot, verifyInclusion } from '../src/core/checkpoints/merkle.js';
import { revisionHash } from '../src/core/revisions/chain.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { RecordType } from '../src/core/revisions/revisions.enums.js';
import { CheckpointsService, type StoredCheckpoint } from '../src/modules/checkpoints/checkpoints.service.js';
import { startPeriodicCheckpoints } from '../src/modules/checkpoints/periodic.js';
import { seedAll } from '../src/seed/seed.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';
import { startTestServer, type TestServer } from './support/http.js';

const privateKey = createPrivateKey({ key: Buffer.from(TEST_CHECKPOINT_KEY, 'base64'), format: 'der', type: 'pkcs8' });
const key = { privateKey, publicKey: createPublicKey(privateKey) };

describe('signed checkpoints', () => {
  let db: TestDatabase;
  let checkpoints: CheckpointsService;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;

  const rename = async (id: string, name: string) => {
    const [{ version }] = (await db.dataSource.query(`SELECT version FROM entities WHERE id = $1`, [id])) as Array<{ version: number }>;
    dataOf(
      await gql(
        `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`,
        { input: { id, expectedVersion: version, name } },
        editor.viewer,
      ),
    );
  };
  const newEntity = async (name: string) =>
    dataOf(
      await gql<any>(`mutation($name: String!) { createEntity(input: { name: $name, kind: PERSON }) { id } }`, { name }, editor.viewer),
    ).createEntity.id as string;
  const asOwnerUnguarded = (sql: string, params: unknown[]) =>
    db.owner.transaction(async (manager) => {
      await manager.query(`ALTER TABLE revisions DISABLE TRIGGER revisions_append_only`);
      await manager.query(sql, params);
      await manager.query(`ALTER TABLE revisions ENABLE TRIGGER revisions_append_only`);
    });

  /** The tree worked out here from the whole log, apart from the server's streaming code. */
  async function independentTree(position: string) {
    const revisions = await db.dataSource.manager.createQueryBuilder(Revision, 'r').where('r.id <= :position', { position }).getMany();
    const heads = new Map<string, Revision>();
    for (const revision of revisions) {
      const key = `${revision.recordType}\u0000${revision.recordId}`;
      if ((heads.get(key)?.version ?? 0) < revision.version) heads.set(key, revision);
    }
    const sorted = [...heads.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, r]) => r);
    const leaves = sorted.map((r) => leafHash(JSON.stringify([r.recordType, r.recordId, r.version, r.hash])));
    return { treeSize: leaves.length, rootHash: merkleRoot(leaves).toString('hex'), heads: sorted };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    checkpoints = new CheckpointsService(db.dataSource, key);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
  });
  afterAll(() => db.drop());

  it('signs an RFC 6962 tree head over every chain head as of the settled end of the log', async () => {
    const made = await checkpoints.create();
    const [{ max }] = (await db.dataSource.query(`SELECT max(id)::text AS max FROM revisions`)) as Array<{ max: string }>;
    expect(made.logPosition).toBe(max);
    const expected = await independentTree(made.logPosition);
    expect(made.treeSize).toBeGreaterThan(50);
    expect({ treeSize: made.treeSize, rootHash: made.rootHash }).toEqual({ treeSize: expected.treeSize, rootHash: expected.rootHash });
    expect(made.keyId).toBe(keyIdOf(key.publicKey));
    expect(checkpointSignatureValid(made, made.signature, key.publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...made, treeSize: made.treeSize - 1 }, made.signature, key.publicKey)).toBe(false);
    expect(checkpointSignatureValid(made, made.signature, generateKeyPairSync('ed25519').publicKey)).toBe(false);
    expect(await checkpoints.latest()).toEqual(made);
  });

  it('proves one chain head is in a checkpoint', async () => {
    const checkpoint = (await checkpoints.latest())!;
    const { heads } = await independentTree(checkpoint.logPosition);
    const head = heads[Math.floor(heads.length / 2)]!;
    const proof = await checkpoints.inclusionProof(checkpoint, head.recordType, head.recordId);
    expect(proof).toMatchObject({
      leafIndex: Math.floor(heads.length / 2),
      treeSize: checkpoint.treeSize,
      head: { recordType: head.recordType, recordId: head.recordId, version: head.version, hash: head.hash },
    });
    const path = proof.path.map((hex) => Buffer.from(hex, 'hex'));
    expect(verifyInclusion(chainHeadHash(proof.head), proof.leafIndex, proof.treeSize, path, Buffer.from(checkpoint.rootHash, 'hex'))).toBe(
      true,
    );
    expect(
      verifyInclusion(
        chainHeadHash({ ...proof.head, version: proof.head.version + 1 }),
        proof.leafIndex,
        proof.treeSize,
        path,
        Buffer.from(checkpoint.rootHash, 'hex'),
      ),
    ).toBe(false);
    await expect(checkpoints.inclusionProof(checkpoint, RecordType.CLAIM, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(
      /not found/i,
    );
  });

  it("reads a checkpoint's tree from the log once, then proves any head from the tree it keeps, and never a head the log changed", async () => {
    const checkpoint = await checkpoints.create();
    const service = new CheckpointsService(db.dataSource, key);
    const { heads } = await independentTree(checkpoint.logPosition);
    const logQuery = vi.spyOn(db.dataSource.logger, 'logQuery');
    try {
      const picked = [heads[0]!, heads[Math.floor(heads.length / 3)]!, heads.at(-1)!];
      const proofs = await Promise.all(picked.map((head) => service.inclusionProof(checkpoint, head.recordType, head.recordId)));
      proofs.push(...(await service.inclusionProofsOf(checkpoint, picked)).values());
      const treeReads = logQuery.mock.calls.filter(([query]) => query.includes('DECLARE chain_heads'));
      expect(treeReads).toHaveLength(1);
      for (const proof of proofs) {
        const path = proof.path.map((hex) => Buffer.from(hex, 'hex'));
        expect(
          verifyInclusion(chainHeadHash(proof.head), proof.leafIndex, proof.treeSize, path, Buffer.from(checkpoint.rootHash, 'hex')),
        ).toBe(true);
      }
    } finally {
      logQuery.mockRestore();
    }
    const rewritten = heads.find((head) => head.recordType === RecordType.ENTITY)!;
    const entity = await newEntity('Kept-tree probe');
    await expect(service.inclusionProof(checkpoint, RecordType.ENTITY, entity)).rejects.toThrow(/not found/i);
    await asOwnerUnguarded(`UPDATE revisions SET hash = repeat('0', 64) WHERE id = $1`, [rewritten.id]);
    try {
      await expect(service.inclusionProof(checkpoint, rewritten.recordType, rewritten.recordId)).rejects.toThrow(
        /no longer gives the tree/,
      );
    } finally {
      await asOwnerUnguarded(`UPDATE revisions SET hash = $2 WHERE id = $1`, [rewritten.id, rewritten.hash]);
    }
  });

  it('waits for a revision still being written before settling the position it covers', async () => {
    const writer = db.dataSource.createQueryRunner();
    await writer.connect();
    await writer.startTransaction();
    // What an insert into the log holds until it commits.
    await writer.query(`LOCK TABLE revisions IN ROW EXCLUSIVE MODE`);
    let settled = false;
    const making = checkpoints.create().then((made) => ((settled = true), made));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(settled).toBe(false);
    await writer.commitTransaction();
    await writer.release();
    expect((await making).logPosition).toBeTruthy();
  });

  it('makes periodic checkpoints only when the log has moved', async () => {
    const count = async () => (await checkpoints.list()).length;
    const before = await count();
    const stop = startPeriodicCheckpoints(checkpoints, 0.05, () => undefined);
    try {
      await new Promise((resolve) => setTimeout(resolve, 400));
      expect(await count()).toBe(before);
      await newEntity('Moved');
      for (let waited = 0; waited < 5000 && (await count()) === before; waited += 50)
        await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await count()).toBe(before + 1);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await count()).toBe(before + 1);
    } finally {
      stop();
    }
  });

  it('keeps the checkpoints append-only: the server may only add, and a trigger refuses even the owner', async () => {
    await expect(db.dataSource.query(`UPDATE checkpoints SET root_hash = repeat('0', 64)`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`DELETE FROM checkpoints`)).rejects.toThrow(/permission denied/);
    await expect(db.dataSource.query(`TRUNCATE checkpoints`)).rejects.toThrow(/permission denied/);
    await expect(db.owner.query(`DELETE FROM checkpoints`)).rejects.toThrow(/append-only/);
    await expect(db.owner.query(`TRUNCATE checkpoints`)).rejects.toThrow(/append-only/);
  });

  it('lets admins alone make one on demand over GraphQL', async () => {
    const made = dataOf(
      await gql<any>(`mutation { createCheckpoint { id logPosition treeSize rootHash keyId signature createdAt } }`, {}, viewers.admin),
    ).createCheckpoint;
    expect(made).toMatchObject({ keyId: keyIdOf(key.publicKey) });
    expect(errorCodes(await gql(`mutation { createCheckpoint { id } }`, {}, editor.viewer))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await gql(`mutation { createCheckpoint { id } }`, {}, viewers.anonymous))).toEqual(['UNAUTHENTICATED']);
  });

  describe('over HTTP', () => {
    let server: TestServer;
    beforeAll(async () => {
      server = await startTestServer(db);
    });
    afterAll(() => server.close());

    it('exports every checkpoint with the public key that checks it, and the key alone', async () => {
      const response = await fetch(`${server.url}/exports/checkpoints`);
      expect(response.status).toBe(200);
      const exported = (await response.json()) as {
        algorithm: string;
        keyId: string;
        publicKey: string;
        checkpoints: Array<StoredCheckpoint & { createdAt: string; signedText: string }>;
      };
      const publicKey = createPublicKey(exported.publicKey);
      expect(exported).toMatchObject({ algorithm: 'Ed25519', keyId: keyIdOf(publicKey) });
      const stored = await checkpoints.list();
      expect(exported.checkpoints.map((c) => c.rootHash)).toEqual(stored.map((c) => c.rootHash));
      for (const checkpoint of exported.checkpoints) {
        const body = { ...checkpoint, createdAt: new Date(checkpoint.createdAt) };
        expect(checkpoint.signedText).toBe(checkpointText(body));
        expect(checkpointSignatureValid(body, checkpoint.signature, publicKey)).toBe(true);
      }
      const pem = await fetch(`${server.url}/exports/checkpoints/public-key`);
      expect(pem.headers.get('x-checkpoint-key-id')).toBe(exported.keyId);
      expect(await pem.text()).toBe(exported.publicKey);
    });
  });

  it('holds the log to its checkpoints: whole, it verifies; a lost tail or a rewritten revision under a checkpoint does not', async () => {
    const [kept, truncated, rewritten] = [await newEntity('Kept'), await newEntity('Truncated'), await newEntity('Rewritten')];
    for (const id of [kept, truncated, rewritten]) await rename(id, 'Again');
    const earlier = await checkpoints.create();
    await rename(kept, 'Later');
    const later = await checkpoints.create();
    expect(await checkpoints.verify(key.publicKey, [earlier], 10)).toMatchObject({ problems: [] });
    const stranger = generateKeyPairSync('ed25519').publicKey;
    expect((await checkpoints.verify(stranger, [], 1)).problems.map((p) => p.problem)).toContain(
      `stored checkpoint ${earlier.id}: the signature does not verify with this public key`,
    );

    // Both tamperings pass the chain check (the first leaves a shorter chain, the second a rehashed last link).
    await asOwnerUnguarded(`DELETE FROM revisions WHERE record_id = $1 AND version = 2`, [truncated]);
    await db.owner.query(`UPDATE entities SET version = 1 WHERE id = $1`, [truncated]);
    const last = await db.owner.manager.findOneByOrFail(Revision, { recordId: rewritten, version: 2 });
    const forged = { ...last, reason: 'Nothing to see' };
    await asOwnerUnguarded(`UPDATE revisions SET reason = $2, hash = $3 WHERE id = $1`, [last.id, forged.reason, revisionHash(forged)]);

    const report = await checkpoints.verify(key.publicKey, [earlier], 10);
    const mismatched = report.problems.filter((p) => /was removed or rewritten/.test(p.problem)).map((p) => p.logPosition);
    expect(mismatched).toContain(earlier.logPosition);
    expect(mismatched).toContain(later.logPosition);
  });
});
