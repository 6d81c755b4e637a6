import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { revisionHash } from '../src/core/revisions/chain.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

const pause = () => new Promise((resolve) => setTimeout(resolve, 15));

describe('history', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let entityA: string;
  let entityB: string;

  const asEditor = <T = any>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, editor.viewer);
  const newEntity = async (name: string) =>
    dataOf(await asEditor(`mutation($name: String!) { createEntity(input: { name: $name, kind: PERSON }) { id } }`, { name })).createEntity
      .id as string;

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    entityA = await newEntity('Alpha');
    entityB = await newEntity('Beta');
  });
  afterAll(() => db.drop());

  it('reads a claim as it stood at any past moment, its own relations included (invariant 8)', async () => {
    const before = new Date();
    await pause();
    const { createClaim } = dataOf(
      await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
        input: {
          text: 'First wording.',
          claimantLabel: 'an aide',
          attribution: 'REPORTED_SPEECH',
          modality: 'HEDGED',
          entityIds: [entityA],
        },
      }),
    );
    const id = createClaim.id as string;
    await pause();
    const afterCreate = new Date();
    await pause();
    dataOf(
      await asEditor(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, {
        input: { id, expectedVersion: 1, text: 'Second wording.', entityIds: [entityB], modality: 'ASSERTED' },
      }),
    );
    await pause();
    const afterUpdate = new Date();
    const at = async (asOf: Date) =>
      dataOf(
        await asEditor(`query($id: ID!, $asOf: DateTimeISO) { claim(id: $id, asOf: $asOf) { version text modality entities { name } } }`, {
          id,
          asOf,
        }),
      ).claim;
    expect(await at(before)).toBeNull();
    expect(await at(afterCreate)).toEqual({ version: 1, text: 'First wording.', modality: 'HEDGED', entities: [{ name: 'Alpha' }] });
    expect(await at(afterUpdate)).toEqual({ version: 2, text: 'Second wording.', modality: 'ASSERTED', entities: [{ name: 'Beta' }] });
    const now = dataOf(await asEditor(`query($id: ID!) { claim(id: $id) { version text modality entities { name } } }`, { id })).claim;
    expect(now).toEqual(await at(afterUpdate));
  });

  it('reverts to a past revision as a new revision, keeping the review status out of it', async () => {
    const { createClaim } = dataOf(
      await asEditor(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
        input: { text: 'Original.', claimantLabel: 'a diplomat', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED' },
      }),
    );
    const id = createClaim.id as string;
    dataOf(
      await asEditor(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, {
        input: { id, expectedVersion: 1, text: 'Vandalised.' },
      }),
    );
    dataOf(
      await asEditor(`mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { __typename } }`, {
        input: { id, expectedVersion: 2 },
      }),
    );
    dataOf(
      await gql(
        `mutation($input: ReviewInput!) { review(input: $input) { __typename } }`,
        { input: { id, expectedVersion: 3, decision: 'VERIFY', comment: 'ok' } },
        reviewer.viewer,
      ),
    );
    const first = await db.dataSource.manager.findOneByOrFail(Revision, { recordId: id, version: 1 });
    const stale = await asEditor(`mutation($input: RevertInput!) { revert(input: $input) { __typename } }`, {
      input: { revisionId: first.id, expectedVersion: 2 },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    const { revert } = dataOf(
      await asEditor(`mutation($input: RevertInput!) { revert(input: $input) { ... on Claim { version text status } } }`, {
        input: { revisionId: first.id, expectedVersion: 4 },
      }),
    );
    expect(revert).toEqual({ version: 5, text: 'Original.', status: 'IN_REVIEW' });
    const last = await db.dataSource.manager.findOneByOrFail(Revision, { recordId: id, version: 5 });
    expect(last).toMatchObject({ operation: 'UPDATE', reason: 'Revert to version 1', actor: `user:${editor.id}` });
    expect(last.changes).toEqual({
      status: { before: 'VERIFIED', after: 'IN_REVIEW' },
      text: { before: 'Vandalised.', after: 'Original.' },
    });
  });

  it('hides deleted records from lookups and lists unless staff ask for them', async () => {
    const id = await newEntity('Gamma');
    dataOf(
      await asEditor(`mutation($input: DeleteInput!) { deleteEntity(input: $input) { id } }`, {
        input: { id, expectedVersion: 1, reason: 'Created by mistake' },
      }),
    );
    const lookup = `query($id: ID!, $deleted: Boolean) { entity(id: $id, includeDeleted: $deleted) { name deleteReason } }`;
    expect(dataOf(await asEditor(lookup, { id }))).toEqual({ entity: null });
    expect(dataOf(await asEditor(lookup, { id, deleted: true }))).toEqual({
      entity: { name: 'Gamma', deleteReason: 'Created by mistake' },
    });
    expect(dataOf(await gql(lookup, { id, deleted: true }, viewers.anonymous))).toEqual({ entity: null });
    const list = `query($deleted: Boolean) { entities(first: 100, includeDeleted: $deleted) { edges { node { id } } } }`;
    const ids = async (viewer: typeof editor.viewer, deleted: boolean) =>
      dataOf(await gql<any>(list, { deleted }, viewer)).entities.edges.map((e: any) => e.node.id);
    expect(await ids(editor.viewer, false)).not.toContain(id);
    expect(await ids(editor.viewer, true)).toContain(id);
    expect(await ids(viewers.anonymous, true)).not.toContain(id);
  });

  it('verifies every chain, and names the first broken link when a revision was tampered with', async () => {
    const query = `{ verifyRevisionChain { records revisions firstBreak { recordType recordId version problem } } }`;
    const clean = dataOf(await gql<any>(query, {}, reviewer.viewer)).verifyRevisionChain;
    expect(clean.firstBreak).toBeNull();
    expect(clean.revisions).toBe(await db.dataSource.manager.count(Revision));
    const victim = await db.dataSource.manager.findOneByOrFail(Revision, { recordId: entityB, version: 1 });
    // Only the schema's owner, disabling the trigger first, can do this; the chain still tells.
    await db.owner.query(`ALTER TABLE revisions DISABLE TRIGGER revisions_append_only`);
    await db.owner.query(`UPDATE revisions SET state = jsonb_set(state, '{name}', '"Forged"') WHERE id = $1`, [victim.id]);
    await db.owner.query(`ALTER TABLE revisions ENABLE TRIGGER revisions_append_only`);
    const broken = dataOf(await gql<any>(query, {}, reviewer.viewer)).verifyRevisionChain;
    expect(broken.firstBreak).toEqual({ recordType: 'ENTITY', recordId: entityB, version: 1, problem: 'hash does not match its content' });
    expect(errorCodes(await gql(query, {}, viewers.client))).toEqual(['FORBIDDEN']);
  });
});

describe('verifyRevisionChain against tampering', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;

  const asEditor = (query: string, variables: Record<string, unknown> = {}) => gql<any>(query, variables, editor.viewer);
  const newEntity = async (name: string) =>
    dataOf(await asEditor(`mutation($name: String!) { createEntity(input: { name: $name, kind: PERSON }) { id } }`, { name })).createEntity
      .id as string;
  const rename = async (id: string, expectedVersion: number, name: string) =>
    dataOf(
      await asEditor(`mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`, {
        input: { id, expectedVersion, name },
      }),
    );
  const verify = async (maxProblems = 100) =>
    dataOf(
      await gql<any>(
        `query($max: Int) { verifyRevisionChain(maxProblems: $max) { records revisions truncated firstBreak { kind recordId version } problems { kind recordType recordId version problem } } }`,
        { max: maxProblems },
        reviewer.viewer,
      ),
    ).verifyRevisionChain;
  /** What only the schema's owner can do, and only with the trigger off. */
  const asOwnerUnguarded = async (sql: string, params: unknown[]) => {
    await db.owner.transaction(async (manager) => {
      await manager.query(`ALTER TABLE revisions DISABLE TRIGGER revisions_append_only`);
      await manager.query(sql, params);
      await manager.query(`ALTER TABLE revisions ENABLE TRIGGER revisions_append_only`);
    });
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
  });
  afterAll(() => db.drop());

  it('finds the log whole, then locates each tampering by record and version: a lost tail, a lost history, a write with no revision, a rewritten last revision', async () => {
    const [tail, gone, direct, rewritten] = [
      await newEntity('Tail'),
      await newEntity('Gone'),
      await newEntity('Direct'),
      await newEntity('Rewritten'),
    ];
    for (const id of [tail, gone, direct, rewritten]) {
      await rename(id, 1, 'Second');
      await rename(id, 2, 'Third');
    }
    const clean = await verify();
    expect(clean).toMatchObject({ firstBreak: null, problems: [], truncated: false });
    expect(clean.revisions).toBe(await db.dataSource.manager.count(Revision));

    await asOwnerUnguarded(`DELETE FROM revisions WHERE record_id = $1 AND version = 3`, [tail]);
    await asOwnerUnguarded(`DELETE FROM revisions WHERE record_id = $1`, [gone]);
    // The server's own login may write a record's table: only the log can tell it was done without a revision.
    await db.dataSource.query(`UPDATE entities SET description = 'Slipped in' WHERE id = $1`, [direct]);
    const last = await db.owner.manager.findOneByOrFail(Revision, { recordId: rewritten, version: 3 });
    const forged = { ...last, state: { ...last.state, name: 'Forged' } };
    await asOwnerUnguarded(`UPDATE revisions SET state = $2::jsonb, hash = $3 WHERE id = $1`, [
      last.id,
      JSON.stringify(forged.state),
      revisionHash(forged),
    ]);

    const report = await verify();
    const found = (id: string) =>
      report.problems.filter((p: any) => p.recordId === id).map((p: any) => ({ kind: p.kind, version: p.version }));
    expect(found(tail)).toEqual([{ kind: 'ROW_VERSION', version: 3 }]);
    expect(found(gone)).toEqual([{ kind: 'NO_REVISIONS', version: 3 }]);
    expect(found(direct)).toEqual([{ kind: 'ROW_STATE', version: 3 }]);
    expect(found(rewritten)).toEqual([
      { kind: 'REPLAY', version: 3 },
      { kind: 'ROW_STATE', version: 3 },
    ]);
    expect(report.problems.find((p: any) => p.recordId === direct).problem).toBe('its row differs from its last revision in description');
    expect(report.problems).toHaveLength(5);
    expect(report.firstBreak).toEqual({
      kind: report.problems[0].kind,
      recordId: report.problems[0].recordId,
      version: report.problems[0].version,
    });

    const first = await verify(1);
    expect(first).toMatchObject({ truncated: true, problems: [report.problems[0]] });
  });
});
