import { createPrivateKey, createPublicKey } from 'node:crypto';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { CheckpointsService } from '../src/modules/checkpoints/checkpoints.service.js';
import { LogVerificationsService } from '../src/modules/history/log-verifications.js';
import { SessionTokens } from '../src/modules/users/sessions.js';
import { seedAll } from '../src/seed/seed.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createUser, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';
import { startTestServer, type TestServer } from './support/http.js';

const privateKey = createPrivateKey({ key: Buffer.from(TEST_CHECKPOINT_KEY, 'base64'), format: 'der', type: 'pkcs8' });

const AUDIT_TRAIL = `query($actor: String, $since: DateTimeISO, $until: DateTimeISO, $recordType: RecordType, $operation: RevisionOperation) {
  auditTrail(actor: $actor, since: $since, until: $until, recordType: $recordType, operation: $operation, first: 100) {
    totalCount edges { node { actor recordType operation createdAt hash prevHash } }
  }
}`;
const CHAIN_STATUS = `query($recordType: RecordType!, $recordId: ID!) {
  chainStatus(recordType: $recordType, recordId: $recordId) {
    verified version headHash covered coveredVersion problem { kind version } checkpoint { logPosition rootHash }
  }
}`;
const VERIFICATIONS = `{ logVerifications { id status startedBy totalRevisions records revisions problems firstBreak checkpointsChecked checkpointProblems } }`;

describe('the audit trail, chain status and checks of the whole log', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let server: TestServer;
  let staff: Record<string, string>;
  let claim: { id: string; version: number };
  let startedAt: Date;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createUser(db.dataSource, [Role.REVIEWER], 'rosa-reviewer');
    server = await startTestServer(db);
    staff = { authorization: `Bearer ${await new SessionTokens(server.config.auth.secret, 600).issue(reviewer.id, 0)}` };
    [claim] = (await db.dataSource.query(`SELECT id, version FROM claims WHERE status = 'DRAFT' ORDER BY id LIMIT 1`)) as Array<{
      id: string;
      version: number;
    }>;
    await new CheckpointsService(db.dataSource, { privateKey, publicKey: createPublicKey(privateKey) }).create();
    startedAt = new Date();
    for (const credibility of [2, 3]) {
      const updated = dataOf(
        await gql<any>(
          `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`,
          { input: { id: claim.id, expectedVersion: claim.version, credibility, reason: `Credibility ${credibility}` } },
          editor.viewer,
        ),
      );
      claim.version = updated.updateClaim.version;
    }
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it("finds one person's changes, narrowed by time, record type and operation", async () => {
    const all = dataOf(await gql<any>(AUDIT_TRAIL, { actor: `user:${editor.id}` }, viewers.reviewer)).auditTrail;
    expect(all.totalCount).toBe(2);
    expect(all.edges[0].node).toMatchObject({ actor: `user:${editor.id}`, recordType: 'CLAIM', operation: 'UPDATE' });
    expect(all.edges[0].node.prevHash).toBe(all.edges[1].node.hash);
    const narrowed = async (variables: Record<string, unknown>) =>
      dataOf(await gql<any>(AUDIT_TRAIL, { actor: `user:${editor.id}`, ...variables }, viewers.reviewer)).auditTrail.totalCount;
    expect(await narrowed({ since: startedAt.toISOString() })).toBe(2);
    expect(await narrowed({ until: startedAt.toISOString() })).toBe(0);
    expect(await narrowed({ recordType: 'CLAIM', operation: 'UPDATE' })).toBe(2);
    expect(await narrowed({ recordType: 'EVENT' })).toBe(0);
    expect(await narrowed({ operation: 'REVIEW' })).toBe(0);
    expect(dataOf(await gql<any>(AUDIT_TRAIL, { operation: 'REVIEW' }, viewers.reviewer)).auditTrail.totalCount).toBeGreaterThan(10);
    expect(errorCodes(await gql(AUDIT_TRAIL, { since: '2027-01-01T00:00:00Z', until: '2026-01-01T00:00:00Z' }, viewers.reviewer))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await gql(AUDIT_TRAIL, {}, viewers.client))).toEqual(['FORBIDDEN']);
  });

  it('exports the same changes as CSV, for staff only', async () => {
    const csv = await fetch(`${server.url}/exports/audit-trail.csv?actor=user:${editor.id}&recordType=CLAIM&operation=UPDATE`, {
      headers: staff,
    });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = (await csv.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('log_id,created_at,actor,actor_name,record_type,record_id,version,operation,reason,hash,prev_hash');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(`,user:${editor.id},editor,Claim,${claim.id},${claim.version},UPDATE,Credibility 3,`);
    expect((await fetch(`${server.url}/exports/audit-trail.csv`)).status).toBe(401);
    const bad = await fetch(`${server.url}/exports/audit-trail.csv?operation=ERASE&colour=red`, { headers: staff });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toMatch(/colour[\s\S]*operation|operation[\s\S]*colour/);
  });

  it("shows a record's chain status: verified, its head, and whether the latest checkpoint covers it", async () => {
    const status = dataOf(await gql<any>(CHAIN_STATUS, { recordType: 'CLAIM', recordId: claim.id }, viewers.reviewer)).chainStatus;
    expect(status).toMatchObject({
      verified: true,
      version: claim.version,
      covered: false,
      coveredVersion: claim.version - 2,
      problem: null,
    });
    expect(status.headHash).toMatch(/^[0-9a-f]{64}$/);
    await new CheckpointsService(db.dataSource, { privateKey, publicKey: createPublicKey(privateKey) }).create();
    const after = dataOf(await gql<any>(CHAIN_STATUS, { recordType: 'CLAIM', recordId: claim.id }, viewers.reviewer)).chainStatus;
    expect(after).toMatchObject({ verified: true, covered: true, coveredVersion: claim.version });
    expect(after.checkpoint.rootHash).not.toBe(status.checkpoint.rootHash);
    const { checkpoints } = dataOf(await gql<any>(`{ checkpoints(last: 5) { logPosition rootHash } }`, {}, viewers.reviewer));
    expect(checkpoints.map((checkpoint: { rootHash: string }) => checkpoint.rootHash)).toEqual([
      after.checkpoint.rootHash,
      status.checkpoint.rootHash,
    ]);
    expect(errorCodes(await gql(`{ checkpoints { rootHash } }`, {}, viewers.client))).toEqual(['FORBIDDEN']);
  });

  it('runs a check of the whole log in the background, reporting what it counted, and finds a break to its record and version', async () => {
    const poll = async () => {
      for (;;) {
        const [latest] = dataOf(await gql<any>(VERIFICATIONS, {}, viewers.reviewer)).logVerifications;
        if (latest.status !== 'RUNNING') return latest;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    const started = dataOf(await gql<any>(`mutation { startLogVerification { id status totalRevisions } }`, {}, reviewer.viewer));
    expect(started.startLogVerification.status).toBe('RUNNING');
    const [{ count }] = (await db.dataSource.query(`SELECT count(*)::int AS count FROM revisions`)) as Array<{ count: number }>;
    expect(started.startLogVerification.totalRevisions).toBe(count);
    const passed = await poll();
    expect(passed).toMatchObject({ status: 'PASSED', startedBy: `user:${reviewer.id}`, revisions: count, problems: 0, firstBreak: null });
    expect(passed.checkpointsChecked).toBe(2);
    expect(errorCodes(await gql(`mutation { startLogVerification { id } }`, {}, editor.viewer))).toEqual(['FORBIDDEN']);

    await db.owner.transaction(async (manager) => {
      await manager.query(`ALTER TABLE revisions DISABLE TRIGGER revisions_append_only`);
      await manager.query(
        `UPDATE revisions SET changes = jsonb_set(changes, '{credibility,after}', '6') WHERE record_type = 'Claim' AND record_id = $1 AND version = $2`,
        [claim.id, claim.version],
      );
      await manager.query(`ALTER TABLE revisions ENABLE TRIGGER revisions_append_only`);
    });
    dataOf(await gql(`mutation { startLogVerification { id } }`, {}, reviewer.viewer));
    const failed = await poll();
    expect(failed).toMatchObject({
      status: 'FAILED',
      firstBreak: { kind: 'CHAIN', recordType: 'Claim', recordId: claim.id, version: claim.version },
    });
    expect(failed.checkpointProblems).toEqual([]);
    const status = dataOf(await gql<any>(CHAIN_STATUS, { recordType: 'CLAIM', recordId: claim.id }, viewers.reviewer)).chainStatus;
    expect(status).toMatchObject({ verified: false, problem: { kind: 'CHAIN', version: claim.version } });
  });

  it('starts one check of the log when two servers are asked at the same moment, and refuses the other with CONFLICT', async () => {
    const checkpoints = new CheckpointsService(db.dataSource, { privateKey, publicKey: createPublicKey(privateKey) });
    const servers = [0, 1].map(() => new LogVerificationsService(db.dataSource, checkpoints));
    const outcomes = await Promise.allSettled(servers.map((service) => service.start(`user:${reviewer.id}`)));
    await Promise.all(servers.map((service) => service.settled()));
    expect(outcomes.filter((outcome) => outcome.status === 'fulfilled')).toHaveLength(1);
    const [refused] = outcomes.filter((outcome) => outcome.status === 'rejected');
    expect(refused?.reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('lists every account and API key by name for staff, searchable, whether or not they changed anything lately', async () => {
    const admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    const quiet = await createUser(db.dataSource, [Role.EDITOR], 'quentin');
    await db.dataSource.query(`UPDATE users SET name = 'Quentin 50%_Quiet' WHERE id = $1`, [quiet.id]);
    const key = dataOf(
      await gql<any>(`mutation { createApiKey(input: { name: "Quiet newsroom app" }) { apiKey { id } } }`, {}, admin.viewer),
    ).createApiKey.apiKey.id as string;
    const ACTORS = `query($search: String) { auditActors(search: $search) { actor name kind gone } }`;
    const everyone = dataOf(await gql<any>(ACTORS, {}, viewers.editor)).auditActors as Array<{ actor: string; name: string }>;
    expect(everyone).toEqual(
      expect.arrayContaining([
        { actor: `user:${quiet.id}`, name: 'Quentin 50%_Quiet', kind: 'USER', gone: false },
        { actor: `user:${reviewer.id}`, name: 'rosa-reviewer', kind: 'USER', gone: false },
        { actor: `api-key:${key}`, name: 'Quiet newsroom app', kind: 'API_KEY', gone: false },
      ]),
    );
    expect(JSON.stringify(everyone)).not.toContain('@');
    const found = dataOf(await gql<any>(ACTORS, { search: 'qUIET' }, viewers.reviewer)).auditActors as Array<{ actor: string }>;
    expect(found.map((actor) => actor.actor)).toEqual([`user:${quiet.id}`, `api-key:${key}`]);
    expect(dataOf(await gql<any>(ACTORS, { search: '50%_' }, viewers.reviewer)).auditActors).toHaveLength(1);
    expect(dataOf(await gql<any>(ACTORS, { search: '%' }, viewers.reviewer)).auditActors).toHaveLength(1);
    expect(errorCodes(await gql(ACTORS, {}, viewers.client))).toEqual(['FORBIDDEN']);
  });
});
