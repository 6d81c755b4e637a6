import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { Role } from '../src/core/access/roles.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, createUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

interface Answer {
  status: number;
  text: string;
  body: any;
  headers: Headers;
}

const SOURCE_TEXT = 'The minister said the pipeline will open in May. Officials later denied it.';
const CLAIM = `query($id: ID!) { claim(id: $id) { id status retracted text evidence { selector { exact } } } }`;
const ENTITY = `query($id: ID!) { entity(id: $id) { id name description } }`;
const SOURCE = `query($id: ID!) { source(id: $id) { id title currentRevision { number } } }`;
const NEWEST_ENTITIES = `{ entities(first: 3, order: NEWEST_FIRST) { edges { node { id name } } } }`;

async function post(server: TestServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null, headers: response.headers } satisfies Answer;
}

async function get(server: TestServer, query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const search = new URLSearchParams({ query, variables: JSON.stringify(variables) });
  const response = await fetch(`${server.url}/graphql?${search}`, { headers: { 'apollo-require-preflight': 'true', ...headers } });
  const text = await response.text();
  return { status: response.status, text, body: text ? JSON.parse(text) : null, headers: response.headers } satisfies Answer;
}

describe('the cache of public answers, over HTTP, with two servers on one PostgreSQL', () => {
  let db: TestDatabase;
  let second: Database;
  /** Answers anonymous readers and client apps; every write goes through the other server. */
  let reader: TestServer;
  let writer: TestServer;
  let uncached: TestServer;
  let editorCookie: string;
  let reviewerCookie: string;
  let adminCookie: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    second = createDataSource(db.appUrl, loadConfig({ NODE_ENV: 'test' }).db);
    await second.dataSource.initialize();
    reader = await startTestServer(db);
    writer = await startTestServer(second);
    uncached = await startTestServer(db, { PUBLIC_CACHE: 'false' });
    editorCookie = await signIn(writer, await createEditor(db.dataSource));
    reviewerCookie = await signIn(writer, await createReviewer(db.dataSource));
    adminCookie = await signIn(writer, await createUser(db.dataSource, [Role.ADMIN], 'admin'));
  });
  afterAll(async () => {
    await reader.close();
    await writer.close();
    await uncached.close();
    await second.dataSource.destroy();
    await db.drop();
  });

  /** A write through the other server, as an editor unless a reviewer's cookie is given. */
  async function write(query: string, input: Record<string, unknown>, cookie = editorCookie) {
    const { body } = await post(writer, query, { input }, { cookie });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return Object.values(body.data)[0] as { id: string; version: number };
  }

  /** What the reader answers an anonymous caller, once it has the answer kept: asked twice, the second from the cache. */
  async function kept(query: string, variables: Record<string, unknown> = {}) {
    await post(reader, query, variables);
    const again = await post(reader, query, variables);
    expect(again.headers.get('x-cache')).toBe('HIT');
    return again.body.data;
  }

  /** What the reader answers now, which must have been worked out afresh. */
  async function fresh(query: string, variables: Record<string, unknown> = {}) {
    const answer = await post(reader, query, variables);
    expect(answer.headers.get('x-cache')).toBe('MISS');
    return answer.body.data;
  }

  const createSource = () =>
    write(`mutation($input: CreateSourceInput!) { createSource(input: $input) { id version } }`, {
      title: 'Pipeline report',
      text: SOURCE_TEXT,
      language: 'en',
      kind: 'NEWS_ARTICLE',
    });

  /** A claim resting on the source's first sentence, verified by a reviewer other than its editor. */
  async function verifiedClaim(sourceId: string, text: string) {
    const claim = await write(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, {
      text,
      claimantLabel: 'the minister',
      attribution: 'REPORTED_SPEECH',
      modality: 'ASSERTED',
      evidence: [{ sourceId, selector: { exact: 'the pipeline will open in May' } }],
    });
    const submitted = await write(
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version } } }`,
      { id: claim.id, expectedVersion: claim.version },
    );
    return review(claim.id, submitted.version, 'VERIFY');
  }

  const review = (id: string, expectedVersion: number, decision: string) =>
    write(
      `mutation($input: ReviewInput!) { review(input: $input) { ... on Claim { id version } } }`,
      { id, expectedVersion, decision, comment: `${decision} after reading the source` },
      reviewerCookie,
    );

  it('hand back a repeated query the very bytes worked out the first time, over POST and GET alike', async () => {
    const first = await post(reader, NEWEST_ENTITIES);
    const second = await post(reader, NEWEST_ENTITIES);
    const overGet = await get(reader, NEWEST_ENTITIES);
    const overGetAgain = await get(reader, NEWEST_ENTITIES);
    expect(first.headers.get('x-cache')).toBe('MISS');
    expect(second.headers.get('x-cache')).toBe('HIT');
    expect(overGet.headers.get('x-cache')).toBe('MISS');
    expect(overGetAgain.headers.get('x-cache')).toBe('HIT');
    expect(overGetAgain.text).toBe(first.text);
    expect(first.body.data.entities.edges).toHaveLength(3);
    expect(second.text).toBe(first.text);
    expect(overGet.text).toBe(first.text);
    expect(second.headers.get('content-type')).toBe(first.headers.get('content-type'));
    expect((await post(uncached, NEWEST_ENTITIES)).text).toBe(first.text);
  });

  it('answer afresh after each kind of write committed through the other server: create, update, delete, restore', async () => {
    await kept(NEWEST_ENTITIES);
    const entity = await write(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`, {
      name: 'Pipeline consortium',
      kind: 'ORGANIZATION',
    });
    expect((await fresh(NEWEST_ENTITIES)).entities.edges[0].node).toEqual({ id: entity.id, name: 'Pipeline consortium' });

    expect((await kept(ENTITY, { id: entity.id })).entity.description).toBeNull();
    const updated = await write(`mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { id version } }`, {
      id: entity.id,
      expectedVersion: entity.version,
      description: 'Builds the pipeline',
    });
    expect((await fresh(ENTITY, { id: entity.id })).entity.description).toBe('Builds the pipeline');

    await kept(ENTITY, { id: entity.id });
    const deleted = await write(`mutation($input: DeleteInput!) { deleteEntity(input: $input) { id version } }`, {
      id: entity.id,
      expectedVersion: updated.version,
      reason: 'A duplicate',
    });
    expect((await fresh(ENTITY, { id: entity.id })).entity).toBeNull();

    await kept(ENTITY, { id: entity.id });
    await write(`mutation($input: RestoreInput!) { restoreEntity(input: $input) { id version } }`, {
      id: entity.id,
      expectedVersion: deleted.version,
    });
    expect((await fresh(ENTITY, { id: entity.id })).entity.name).toBe('Pipeline consortium');
  });

  it('never answer with a claim after it stopped being what the public may see: verified, retracted, sent back to review, rejected, deleted', async () => {
    const source = await createSource();
    const claim = await write(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, {
      text: 'The pipeline opens in May',
      claimantLabel: 'the minister',
      attribution: 'REPORTED_SPEECH',
      modality: 'ASSERTED',
      evidence: [{ sourceId: source.id, selector: { exact: 'the pipeline will open in May' } }],
    });
    expect((await kept(CLAIM, { id: claim.id })).claim).toBeNull();
    const submitted = await write(
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version } } }`,
      { id: claim.id, expectedVersion: claim.version },
    );
    expect((await fresh(CLAIM, { id: claim.id })).claim).toBeNull();
    const verified = await review(claim.id, submitted.version, 'VERIFY');
    expect((await fresh(CLAIM, { id: claim.id })).claim).toMatchObject({ status: 'VERIFIED', retracted: false });

    await kept(CLAIM, { id: claim.id });
    await review(claim.id, verified.version, 'RETRACT');
    expect((await fresh(CLAIM, { id: claim.id })).claim).toMatchObject({ status: 'RETRACTED', retracted: true });

    const other = await verifiedClaim(source.id, 'The pipeline opens in spring');
    expect((await kept(CLAIM, { id: other.id })).claim.status).toBe('VERIFIED');
    // New evidence is a content change: the claim goes back to review and out of public sight.
    await write(`mutation($input: CreateEvidenceInput!) { createEvidence(input: $input) { id version } }`, {
      claimId: other.id,
      sourceId: source.id,
      selector: { exact: 'Officials later denied it' },
    });
    expect((await fresh(CLAIM, { id: other.id })).claim).toBeNull();
    const reopened = (await post(writer, CLAIM, { id: other.id }, { cookie: reviewerCookie })).body.data.claim;
    expect(reopened.status).toBe('IN_REVIEW');
    await kept(CLAIM, { id: other.id });
    const reopenedVersion = (
      await post(writer, `query($id: ID!) { claim(id: $id) { version } }`, { id: other.id }, { cookie: editorCookie })
    ).body.data.claim.version;
    await review(other.id, reopenedVersion, 'REJECT');
    expect((await fresh(CLAIM, { id: other.id })).claim).toBeNull();

    const third = await verifiedClaim(source.id, 'The pipeline opens in late spring');
    expect((await kept(CLAIM, { id: third.id })).claim.status).toBe('VERIFIED');
    await write(`mutation($input: DeleteInput!) { deleteClaim(input: $input) { id version } }`, {
      id: third.id,
      expectedVersion: third.version,
      reason: 'Entered twice',
    });
    expect((await fresh(CLAIM, { id: third.id })).claim).toBeNull();
  });

  it('answer afresh after a correction of a source text, whose evidence moves with it', async () => {
    const source = await createSource();
    const claim = await verifiedClaim(source.id, 'The pipeline opens in May, the minister said');
    expect((await kept(SOURCE, { id: source.id })).source.currentRevision.number).toBe(1);
    expect((await kept(CLAIM, { id: claim.id })).claim.evidence).toEqual([{ selector: { exact: 'the pipeline will open in May' } }]);
    await write(`mutation($input: CorrectSourceTextInput!) { correctSourceText(input: $input) { anchored } }`, {
      id: source.id,
      expectedVersion: source.version,
      text: `Updated. ${SOURCE_TEXT}`,
      reason: 'The site added a line at the top',
    });
    expect((await fresh(SOURCE, { id: source.id })).source.currentRevision.number).toBe(2);
    const claimNow = await post(reader, CLAIM, { id: claim.id });
    expect(claimNow.headers.get('x-cache')).toBe('MISS');
    expect(claimNow.text).toBe((await post(uncached, CLAIM, { id: claim.id })).text);
  });

  it('keep answering from the cache through commits that change no record: a sign-in, a checkpoint, an ANALYZE', async () => {
    // A user is a record: made before the answer is kept.
    const editor = await createEditor(db.dataSource);
    const before = await kept(NEWEST_ENTITIES);
    await signIn(writer, editor);
    const checkpoint = await post(writer, `mutation { createCheckpoint { treeSize } }`, {}, { cookie: adminCookie });
    expect(checkpoint.body.errors).toBeUndefined();
    await db.owner.query('ANALYZE entities');
    const again = await post(reader, NEWEST_ENTITIES);
    expect(again.headers.get('x-cache')).toBe('HIT');
    expect(again.body.data).toEqual(before);
  });

  it('answer afresh once an edit that was under way when the answer was kept commits', async () => {
    const entity = await write(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`, {
      name: 'Harbour authority',
      kind: 'ORGANIZATION',
    });
    // The edit waits to append its revision, behind a lock held here on the record's head of the log, once it has
    // written the entity's row: its transaction has an id, so the answer below is kept while it is still running.
    const holder = db.owner.createQueryRunner();
    await holder.connect();
    await holder.startTransaction();
    try {
      await holder.query('SELECT version FROM revision_heads WHERE record_id = $1 FOR UPDATE', [entity.id]);
      const edit = write(`mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { id version } }`, {
        id: entity.id,
        expectedVersion: entity.version,
        description: 'Runs the harbour',
      });
      await expect
        .poll(
          async () =>
            (
              await db.dataSource.query(
                `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND backend_xid IS NOT NULL AND query ILIKE '%entities%'`,
              )
            )[0].n,
          { timeout: 10_000 },
        )
        .toBe(1);
      // A later transaction that ends first puts the edit's among the running ones the snapshot lists (below its xmax).
      await db.owner.query('ANALYZE entities');
      expect((await db.dataSource.query('SELECT pg_current_snapshot()::text AS s'))[0].s).toMatch(/^\d+:\d+:\d/);
      expect((await kept(ENTITY, { id: entity.id })).entity.description).toBeNull();
      await holder.commitTransaction();
      await edit;
    } finally {
      if (holder.isTransactionActive) await holder.rollbackTransaction();
      await holder.release();
    }
    expect((await fresh(ENTITY, { id: entity.id })).entity.description).toBe('Runs the harbour');
  });

  it('give a GET answer a public Cache-Control and an ETag, 304 to a caller holding it, and a new tag after a write', async () => {
    const first = await get(reader, NEWEST_ENTITIES);
    const etag = first.headers.get('etag')!;
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toBe('public, max-age=5');
    expect(etag).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const held = await get(reader, NEWEST_ENTITIES, {}, { 'if-none-match': etag });
    expect(held.status).toBe(304);
    expect(held.text).toBe('');
    expect(held.headers.get('etag')).toBe(etag);
    expect((await get(writer, NEWEST_ENTITIES)).headers.get('etag')).toBe(etag);
    expect((await get(uncached, NEWEST_ENTITIES, {}, { 'if-none-match': etag })).status).toBe(304);

    await write(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`, {
      name: 'Grid operator',
      kind: 'ORGANIZATION',
    });
    const after = await get(reader, NEWEST_ENTITIES, {}, { 'if-none-match': etag });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(after.body.data.entities.edges[0].node.name).toBe('Grid operator');
  });

  it('refuse over GET what Apollo refuses, kept or not: a request a form could send, and a mutation', async () => {
    await get(reader, NEWEST_ENTITIES);
    const response = await fetch(`${reader.url}/graphql?${new URLSearchParams({ query: NEWEST_ENTITIES })}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('cache-control')).toBe('private, no-store');

    const mutation = await get(
      reader,
      `mutation { createEntity(input: { name: "Over GET", kind: OTHER }) { id } }`,
      {},
      { cookie: editorCookie },
    );
    expect(mutation.status).toBe(405);
    expect(
      (await post(writer, `{ entities(first: 1, order: NEWEST_FIRST) { edges { node { name } } } }`)).body.data.entities.edges[0].node.name,
    ).not.toBe('Over GET');
  });

  it('never keep or share a signed-in answer: private, no-store, no tag, and drafts stay out of public answers', async () => {
    const draft = await write(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, {
      text: 'A draft only staff may read',
      claimantLabel: 'an aide',
      attribution: 'REPORTED_SPEECH',
      modality: 'HEDGED',
    });
    const anonymous = await kept(CLAIM, { id: draft.id });
    expect(anonymous.claim).toBeNull();
    for (const answer of [
      await post(reader, CLAIM, { id: draft.id }, { cookie: editorCookie }),
      await get(reader, CLAIM, { id: draft.id }, { cookie: editorCookie }),
    ]) {
      expect(answer.body.data.claim.text).toBe('A draft only staff may read');
      expect(answer.headers.get('cache-control')).toBe('private, no-store');
      expect(answer.headers.get('etag')).toBeNull();
      expect(answer.headers.get('x-cache')).toBeNull();
    }
    expect((await post(reader, CLAIM, { id: draft.id })).body.data.claim).toBeNull();
  });

  it('keep answers to client apps apart from anonymous ones, and check the key before handing one out', async () => {
    const created = await post(
      writer,
      `mutation { createApiKey(input: { name: "Newsroom app" }) { key apiKey { id version } } }`,
      {},
      { cookie: adminCookie },
    );
    const { key, apiKey } = created.body.data.createApiKey;
    const asClient = { authorization: `Bearer ${key}` };
    const query = `{ eventTypes { code } }`;
    await kept(query);
    const clientFirst = await post(reader, query, {}, asClient);
    const clientAgain = await post(reader, query, {}, asClient);
    expect(clientFirst.headers.get('x-cache')).toBe('MISS');
    expect(clientAgain.headers.get('x-cache')).toBe('HIT');
    expect(clientAgain.text).toBe(clientFirst.text);
    expect((await get(reader, query, {}, asClient)).headers.get('cache-control')).toBe('public, max-age=5');

    await post(
      writer,
      `mutation($input: DeleteInput!) { revokeApiKey(input: $input) { revokedAt } }`,
      { input: { id: apiKey.id, expectedVersion: apiKey.version, reason: 'Leaked' } },
      { cookie: adminCookie },
    );
    const revoked = await post(reader, query, {}, asClient);
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('keep nothing when switched off, and still tag GET answers', async () => {
    const once = await post(uncached, NEWEST_ENTITIES);
    const twice = await post(uncached, NEWEST_ENTITIES);
    expect(once.headers.get('x-cache')).toBeNull();
    expect(twice.headers.get('x-cache')).toBeNull();
    expect((await get(uncached, NEWEST_ENTITIES)).headers.get('etag')).toMatch(/^"/);
  });
});
