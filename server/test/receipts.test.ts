import { createPrivateKey, createPublicKey } from 'node:crypto';

import jsonld from 'jsonld';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { readPublicKey } from '../src/core/checkpoints/signing-key.js';
import type { Receipt } from '../src/core/receipts/receipt.js';
import { describeVerification, verifyReceipt } from '../src/core/receipts/verify.js';
import { CheckpointsService } from '../src/modules/checkpoints/checkpoints.service.js';
import { RECEIPT_LIMITS } from '../src/modules/users/receipt-limiter.js';
import { SessionTokens } from '../src/modules/users/sessions.js';
import { seedAll } from '../src/seed/seed.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser } from './support/factories.js';
import { startTestServer, type TestServer } from './support/http.js';
import { RECEIPT_TAMPERS } from './support/receipt-tampers.js';

const privateKey = createPrivateKey({ key: Buffer.from(TEST_CHECKPOINT_KEY, 'base64'), format: 'der', type: 'pkcs8' });

describe('provenance receipts over HTTP', () => {
  let db: TestDatabase;
  let server: TestServer;
  let reviewer: Record<string, string>;
  let editor: Record<string, string>;
  let claimId: string;
  let draftId: string;
  let eventId: string;

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    const text = await response.text();
    return { status: response.status, type: response.headers.get('content-type'), text, body: JSON.parse(text) as Receipt };
  };
  const publicKey = async () => readPublicKey(await (await fetch(`${server.url}/exports/checkpoints/public-key`)).text());
  const checkpoint = () => new CheckpointsService(db.dataSource, { privateKey, publicKey: createPublicKey(privateKey) }).create();

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
    const tokens = new SessionTokens(server.config.auth.secret, 600);
    reviewer = { authorization: `Bearer ${await tokens.issue((await createUser(db.dataSource, [Role.REVIEWER], 'rita-reviewer')).id, 0)}` };
    editor = { authorization: `Bearer ${await tokens.issue((await createEditor(db.dataSource)).id, 0)}` };
    const first = async (sql: string) => ((await db.dataSource.query(sql)) as Array<{ id: string }>)[0]!.id;
    const withEvidence = (table: string, column: string) =>
      `EXISTS (SELECT 1 FROM evidence e WHERE e.${column} = ${table}.id AND e.deleted_at IS NULL)`;
    claimId = await first(`SELECT id FROM claims WHERE status = 'VERIFIED' AND ${withEvidence('claims', 'claim_id')} ORDER BY id LIMIT 1`);
    draftId = await first(`SELECT id FROM claims WHERE status = 'DRAFT' ORDER BY id LIMIT 1`);
    eventId = await first(`SELECT id FROM events WHERE status = 'VERIFIED' AND ${withEvidence('events', 'event_id')} ORDER BY id LIMIT 1`);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('says no checkpoint covers a record yet rather than signing on demand', async () => {
    const { status, body } = await get(`/receipts/claims/${claimId}?snapshots=1`, reviewer);
    expect(status).toBe(200);
    expect(body.checkpoint).toBeNull();
    const verification = verifyReceipt(body, await publicKey());
    expect(verification.failures.map((failure) => failure.check)).toEqual(['coverage']);
    expect(describeVerification(verification)).toContain('no signed checkpoint covers the log yet');
  });

  it("gives a reviewer a verified seed claim's whole receipt, which verifies offline with the public key alone", async () => {
    await checkpoint();
    const { status, type, body } = await get(`/receipts/claims/${claimId}?snapshots=1`, reviewer);
    expect(status).toBe(200);
    expect(type).toContain('application/ld+json');
    expect(body.disclosure).toBe('complete');
    expect(body.subject.state.status).toBe('VERIFIED');
    expect(body.evidence.length).toBeGreaterThan(0);
    expect(body.snapshots[0]!.text!.length).toBeGreaterThan(1000);
    expect(body.chains.map((chain) => chain.recordType)).toEqual(['Claim', ...body.evidence.map(() => 'Evidence'), 'Source']);
    expect(body.reviewSteps.at(-1)).toMatchObject({ status: 'VERIFIED', actor: expect.stringMatching(/^seed-review:/) });
    const verification = verifyReceipt(body, await publicKey());
    expect(verification.failures).toEqual([]);
    expect(verification.unchecked).toEqual([]);
    expect(describeVerification(verification)).toMatch(/quotes stand at their positions[\s\S]*chain heads are leaves of the signed tree/);

    const expanded = await jsonld.expand(body as unknown as jsonld.JsonLdDocument);
    expect(JSON.stringify(expanded)).toContain('http://www.w3.org/ns/oa#exact');
  });

  it.each(RECEIPT_TAMPERS.map((tamper) => [tamper.name, tamper] as const))(
    'fails a fetched receipt with %s, naming what failed',
    async (_name, { check, tamper }) => {
      const { body } = await get(`/receipts/claims/${claimId}?snapshots=1`, reviewer);
      tamper(body);
      const verification = verifyReceipt(body, await publicKey());
      expect(verification.ok).toBe(false);
      expect(verification.failures.map((failure) => failure.check)).toContain(check);
    },
  );

  it('gives anonymous callers the receipt of a published record, sealing what only staff read', async () => {
    const { status, text, body } = await get(`/receipts/claims/${claimId}`);
    expect(status).toBe(200);
    expect(body.disclosure).toBe('public');
    expect(body.snapshots[0]!.text).toBeUndefined();
    expect(body.reviewSteps).toEqual([{ version: expect.any(Number), status: 'VERIFIED', at: expect.any(String) }]);
    expect(text).not.toContain('seed-review:');
    expect(text).not.toContain('Read beside the article');
    const review = body.chains[0]!.revisions.find((revision) => revision.operation === 'REVIEW')!;
    expect(review).toEqual({
      logId: review.logId,
      version: review.version,
      operation: 'REVIEW',
      createdAt: review.createdAt,
      hash: review.hash,
      prevHash: review.prevHash,
      sealed: true,
    });
    const verification = verifyReceipt(body, await publicKey());
    expect(verification.failures).toEqual([]);
    expect(verification.unchecked.join('\n')).toContain('sealed for this caller (public disclosure)');
  });

  it('answers 404 for a record the caller may not see, an unknown one, and a kind without receipts', async () => {
    expect((await get(`/receipts/claims/${draftId}`)).status).toBe(404);
    expect((await get(`/receipts/claims/${draftId}`, reviewer)).status).toBe(200);
    expect((await get('/receipts/claims/00000000-0000-4000-8000-000000000000', reviewer)).status).toBe(404);
    expect((await get(`/receipts/entities/${claimId}`, reviewer)).status).toBe(404);
    expect((await get('/receipts/claims/not-an-id', reviewer)).body).toMatchObject({ errors: [{ extensions: { code: 'NOT_FOUND' } }] });
  });

  it("verifies an event's receipt too", async () => {
    const { status, body } = await get(`/receipts/events/${eventId}?snapshots=1`, reviewer);
    expect(status).toBe(200);
    expect(body.subject.recordType).toBe('Event');
    expect(verifyReceipt(body, await publicKey()).failures).toEqual([]);
  });

  it('names the versions a checkpoint does not cover yet after the record moved on', async () => {
    const { body: before } = await get(`/receipts/claims/${claimId}`, reviewer);
    const update = await server.post(
      {
        query: 'mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }',
        variables: { input: { id: claimId, expectedVersion: before.subject.version, credibility: 3, reason: 'Second look' } },
      },
      editor,
    );
    expect(update.body.errors).toBeUndefined();
    expect((await get(`/receipts/claims/${claimId}`)).status).toBe(404);
    const { body } = await get(`/receipts/claims/${claimId}?snapshots=1`, reviewer);
    const failures = verifyReceipt(body, await publicKey()).failures;
    expect(failures).toEqual([
      expect.objectContaining({
        check: 'coverage',
        problem: `the checkpoint covers it to version ${before.subject.version}, but its head is version ${before.subject.version + 1}`,
      }),
    ]);
    await checkpoint();
    expect(verifyReceipt((await get(`/receipts/claims/${claimId}?snapshots=1`, reviewer)).body, await publicKey()).failures).toEqual([]);
  });

  it('answers an address past RECEIPT_LIMITS of anonymous receipts 429 with Retry-After, and still serves staff', async () => {
    expect((await get(`/receipts/events/${eventId}`)).status).toBe(200);
    await db.dataSource.query(`UPDATE login_attempts SET attempts = $1 WHERE scope = 'receipt'`, [RECEIPT_LIMITS.perAddress]);
    const response = await fetch(`${server.url}/receipts/events/${eventId}`);
    expect(response.status).toBe(429);
    expect(Number(response.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    expect((await get(`/receipts/events/${eventId}`, reviewer)).status).toBe(200);
  });
});
