import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, createUser, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

describe('review workflow', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let editorReviewer: TestUser;

  const createClaim = async (as: TestUser, text: string) =>
    dataOf(
      await gql<any>(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version status } }`,
        { input: { text, claimantLabel: 'an official', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED' } },
        as.viewer,
      ),
    ).createClaim as { id: string; version: number; status: string };
  const submit = (as: TestUser, id: string, expectedVersion: number) =>
    gql<any>(
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version status } } }`,
      { input: { id, expectedVersion } },
      as.viewer,
    );
  const review = (as: TestUser, id: string, expectedVersion: number, decision: string, comment = 'Checked against the source.') =>
    gql<any>(
      `mutation($input: ReviewInput!) { review(input: $input) { ... on Claim { id version status } } }`,
      { input: { id, expectedVersion, decision, comment } },
      as.viewer,
    );

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    editorReviewer = await createUser(db.dataSource, [Role.EDITOR, Role.REVIEWER], 'both');
  });
  afterAll(() => db.drop());

  it('takes a claim from draft to verified, when it becomes visible to client apps, then to retracted, still visible', async () => {
    const claim = await createClaim(editor, 'The port will open next year.');
    expect(claim.status).toBe('DRAFT');
    const submitted = dataOf(await submit(editor, claim.id, claim.version)).submitForReview;
    expect(submitted).toMatchObject({ status: 'IN_REVIEW', version: 2 });
    expect(dataOf(await gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: claim.id }, viewers.client))).toEqual({ claim: null });
    const verified = dataOf(await review(reviewer, claim.id, 2, 'VERIFY')).review;
    expect(verified).toMatchObject({ status: 'VERIFIED', version: 3 });
    expect(dataOf(await gql(`query($id: ID!) { claim(id: $id) { status } }`, { id: claim.id }, viewers.client))).toEqual({
      claim: { status: 'VERIFIED' },
    });
    const retracted = dataOf(await review(reviewer, claim.id, 3, 'RETRACT', 'The ministry withdrew the statement.')).review;
    expect(retracted.status).toBe('RETRACTED');
    expect(dataOf(await gql(`query($id: ID!) { claim(id: $id) { status retracted } }`, { id: claim.id }, viewers.anonymous))).toEqual({
      claim: { status: 'RETRACTED', retracted: true },
    });
    const { revisions } = dataOf(
      await gql<any>(
        `query($id: ID!) { revisions(recordType: CLAIM, recordId: $id) { operation actor reason state } }`,
        { id: claim.id },
        reviewer.viewer,
      ),
    );
    expect(revisions.map((r: any) => [r.operation, r.actor, r.state.status])).toEqual([
      ['CREATE', `user:${editor.id}`, 'DRAFT'],
      ['REVIEW', `user:${editor.id}`, 'IN_REVIEW'],
      ['REVIEW', `user:${reviewer.id}`, 'VERIFIED'],
      ['REVIEW', `user:${reviewer.id}`, 'RETRACTED'],
    ]);
    expect(revisions[3].reason).toBe('The ministry withdrew the statement.');
    const { auditTrail } = dataOf(
      await gql<any>(
        `query($actor: String!) { auditTrail(actor: $actor, first: 10) { totalCount edges { node { recordId operation actorName } } } }`,
        { actor: `user:${reviewer.id}` },
        editor.viewer,
      ),
    );
    expect(auditTrail.edges.map((e: any) => e.node)).toEqual([
      { recordId: claim.id, operation: 'REVIEW', actorName: 'reviewer' },
      { recordId: claim.id, operation: 'REVIEW', actorName: 'reviewer' },
    ]);
    expect(errorCodes(await gql(`query { auditTrail(actor: "seed:curated.yaml") { totalCount } }`, {}, viewers.client))).toEqual([
      'FORBIDDEN',
    ]);
  });

  it('refuses anyone reviewing a record whose last content change is their own (four-eyes, invariant 6)', async () => {
    const claim = await createClaim(editorReviewer, 'Deliveries start in October.');
    dataOf(await submit(editorReviewer, claim.id, 1));
    const own = await review(editorReviewer, claim.id, 2, 'VERIFY');
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(own.errors![0]!.message).toMatch(/four-eyes/);
    expect(dataOf(await gql(`query($id: ID!) { claim(id: $id) { version status } }`, { id: claim.id }, editor.viewer))).toEqual({
      claim: { version: 2, status: 'IN_REVIEW' },
    });
    expect(dataOf(await review(reviewer, claim.id, 2, 'DISPUTE', 'Which October?')).review.status).toBe('DISPUTED');
  });

  it('counts an edit by someone else as the last content change: then the first author may review', async () => {
    const claim = await createClaim(editorReviewer, 'Two ships were ordered.');
    const edited = dataOf(
      await gql<any>(
        `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`,
        { input: { id: claim.id, expectedVersion: 1, text: 'Two ships were ordered in 2022.' } },
        editor.viewer,
      ),
    ).updateClaim;
    dataOf(await submit(editor, claim.id, edited.version));
    expect(dataOf(await review(editorReviewer, claim.id, edited.version + 1, 'VERIFY')).review.status).toBe('VERIFIED');
  });

  it('shows staff every review step with who and why, and everyone else only the verdicts and when', async () => {
    const claim = await createClaim(editor, 'The contract was signed in Moscow.');
    dataOf(await submit(editor, claim.id, 1));
    dataOf(await review(reviewer, claim.id, 2, 'DISPUTE', 'Which contract? The article names two.'));
    dataOf(
      await gql(
        `mutation($id: ID!) { updateClaim(input: { id: $id, expectedVersion: 3, text: "The fuel contract was signed in Moscow." }) { id } }`,
        { id: claim.id },
        editor.viewer,
      ),
    );
    dataOf(await review(reviewer, claim.id, 4, 'VERIFY', 'Now it says which.'));
    const read = async (viewer: (typeof viewers)[keyof typeof viewers] | TestUser['viewer']) =>
      dataOf(
        await gql<any>(`query($id: ID!) { claim(id: $id) { reviews { status comment actor actorName at } } }`, { id: claim.id }, viewer),
      ).claim.reviews;
    const forStaff = await read(editor.viewer);
    expect(forStaff.map((step: any) => [step.status, step.actorName, step.comment])).toEqual([
      ['IN_REVIEW', 'editor', null],
      ['DISPUTED', 'reviewer', 'Which contract? The article names two.'],
      ['VERIFIED', 'reviewer', 'Now it says which.'],
    ]);
    for (const viewer of [viewers.anonymous, viewers.client]) {
      expect(await read(viewer)).toEqual([{ status: 'VERIFIED', comment: null, actor: null, actorName: null, at: forStaff[2].at }]);
    }
  });

  it('refuses transitions DESIGN.md does not have, with BAD_USER_INPUT, and roles that may not take them', async () => {
    const claim = await createClaim(editor, 'Talks continued.');
    const early = await review(reviewer, claim.id, 1, 'VERIFY');
    expect(errorCodes(early)).toEqual(['BAD_USER_INPUT']);
    expect(early.errors![0]!.message).toMatch(/VERIFY needs a IN_REVIEW record; this one is DRAFT/);
    expect(errorCodes(await review(reviewer, claim.id, 1, 'RETRACT'))).toEqual(['BAD_USER_INPUT']);
    dataOf(await submit(editor, claim.id, 1));
    expect(errorCodes(await submit(editor, claim.id, 2))).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await review(editor, claim.id, 2, 'VERIFY'))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await submit(reviewer, claim.id, 2))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await review(reviewer, claim.id, 1, 'VERIFY'))).toEqual(['CONFLICT']);
    const noComment = await review(reviewer, claim.id, 2, 'REJECT', ' ');
    expect(errorCodes(noComment)).toEqual(['BAD_USER_INPUT']);
  });

  it('sends an edited verified claim back to review, and the queue shows what changed since it was verified', async () => {
    const claim = await createClaim(editor, 'The reactor is small.');
    dataOf(await submit(editor, claim.id, 1));
    dataOf(await review(reviewer, claim.id, 2, 'VERIFY'));
    const edited = dataOf(
      await gql<any>(
        `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version status } }`,
        { input: { id: claim.id, expectedVersion: 3, text: 'The reactor is small and floating.', reason: 'Second source' } },
        editor.viewer,
      ),
    ).updateClaim;
    expect(edited).toEqual({ version: 4, status: 'IN_REVIEW' });
    expect(dataOf(await gql(`query($id: ID!) { claim(id: $id) { id } }`, { id: claim.id }, viewers.client))).toEqual({ claim: null });
    const { reviewQueue } = dataOf(
      await gql<any>(
        `{ reviewQueue(first: 100) { edges { node { recordType lastVerifiedVersion lastEditedBy submittedAt changesSinceVerified record { ... on Claim { id text } } } } } }`,
        {},
        reviewer.viewer,
      ),
    );
    const queue = reviewQueue.edges.map((edge: any) => edge.node);
    const item = queue.find((i: any) => i.record.id === claim.id);
    expect(item).toMatchObject({ recordType: 'CLAIM', lastVerifiedVersion: 3, lastEditedBy: `user:${editor.id}` });
    expect(item.changesSinceVerified).toEqual({ text: { before: 'The reactor is small.', after: 'The reactor is small and floating.' } });
    const times = queue.map((i: any) => Date.parse(i.submittedAt));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(errorCodes(await gql(`{ reviewQueue { totalCount } }`, {}, viewers.client))).toEqual(['FORBIDDEN']);
  });
});

describe('four-eyes around evidence: a change to what a record rests on is a content change of the record', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;
  let editorReviewer: TestUser;
  const TEXT = 'The aide said talks went well. Later, talks stalled. The minister denied any deal.';

  const claimState = async (id: string) =>
    dataOf(
      await gql<any>(`query($id: ID!) { claim(id: $id) { version status lastEditedBy evidence { id version } } }`, { id }, reviewer.viewer),
    ).claim as {
      version: number;
      status: string;
      lastEditedBy: string;
      evidence: Array<{ id: string; version: number }>;
    };
  const review = (as: TestUser, id: string, expectedVersion: number, decision = 'VERIFY') =>
    gql<any>(
      `mutation($input: ReviewInput!) { review(input: $input) { ... on Claim { status } } }`,
      { input: { id, expectedVersion, decision, comment: 'Checked.' } },
      as.viewer,
    );

  /** A source, and a claim on it with one quote, written by `editor` and waiting in review. */
  async function claimInReview(): Promise<{ sourceId: string; claimId: string }> {
    const { createSource } = dataOf(
      await gql<any>(
        `mutation($text: String!) { createSource(input: { title: "Briefing", text: $text, language: "en", kind: REPORT }) { id } }`,
        { text: TEXT },
        editor.viewer,
      ),
    );
    const { createClaim } = dataOf(
      await gql<any>(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`,
        {
          input: {
            text: 'Talks went well.',
            claimantLabel: 'an aide',
            attribution: 'REPORTED_SPEECH',
            modality: 'ASSERTED',
            evidence: [{ sourceId: createSource.id, selector: { exact: 'talks went well' } }],
          },
        },
        editor.viewer,
      ),
    );
    const { version } = await claimState(createClaim.id);
    dataOf(
      await gql(
        `mutation($id: ID!, $v: Int!) { submitForReview(input: { id: $id, expectedVersion: $v }) { __typename } }`,
        { id: createClaim.id, v: version },
        editor.viewer,
      ),
    );
    return { sourceId: createSource.id, claimId: createClaim.id };
  }

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
    editorReviewer = await createUser(db.dataSource, [Role.EDITOR, Role.REVIEWER], 'both');
  });
  afterAll(() => db.drop());

  /** The one who changed the evidence may not verify; another reviewer may. */
  async function expectOnlyOthersMayJudge(claimId: string, changedBy: TestUser) {
    const claim = await claimState(claimId);
    expect(claim.status).toBe('IN_REVIEW');
    expect(claim.lastEditedBy).toBe(`user:${changedBy.id}`);
    const own = await review(changedBy, claimId, claim.version);
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);
    expect(own.errors![0]!.message).toMatch(/evidence it rests on/);
    expect((await claimState(claimId)).status).toBe('IN_REVIEW');
    expect(dataOf(await review(reviewer, claimId, claim.version)).review.status).toBe('VERIFIED');
  }

  for (const [who, as] of [
    ['an admin', () => admin],
    ['an editor who is also a reviewer', () => editorReviewer],
  ] as const) {
    it(`refuses ${who} who re-selected the words (updateEvidence)`, async () => {
      const { claimId } = await claimInReview();
      const [evidence] = (await claimState(claimId)).evidence;
      dataOf(
        await gql(
          `mutation($id: ID!, $v: Int!) { updateEvidence(input: { id: $id, expectedVersion: $v, selector: { exact: "talks stalled" } }) { id } }`,
          { id: evidence!.id, v: evidence!.version },
          as().viewer,
        ),
      );
      await expectOnlyOthersMayJudge(claimId, as());
    });

    it(`refuses ${who} who added evidence and deleted the old (createEvidence + deleteEvidence)`, async () => {
      const { claimId, sourceId } = await claimInReview();
      const [old] = (await claimState(claimId)).evidence;
      dataOf(
        await gql(
          `mutation($claim: ID!, $source: ID!) { createEvidence(input: { claimId: $claim, sourceId: $source, selector: { exact: "denied any deal" } }) { id } }`,
          { claim: claimId, source: sourceId },
          as().viewer,
        ),
      );
      dataOf(
        await gql(
          `mutation($id: ID!, $v: Int!) { deleteEvidence(input: { id: $id, expectedVersion: $v, reason: "weaker quote" }) { id } }`,
          { id: old!.id, v: old!.version },
          as().viewer,
        ),
      );
      await expectOnlyOthersMayJudge(claimId, as());
    });

    it(`refuses ${who} who only added evidence (createEvidence)`, async () => {
      const { claimId, sourceId } = await claimInReview();
      dataOf(
        await gql(
          `mutation($claim: ID!, $source: ID!) { createEvidence(input: { claimId: $claim, sourceId: $source, selector: { exact: "Later" } }) { id } }`,
          { claim: claimId, source: sourceId },
          as().viewer,
        ),
      );
      await expectOnlyOthersMayJudge(claimId, as());
    });

    it(`refuses ${who} who restored deleted evidence (restoreEvidence)`, async () => {
      const { claimId } = await claimInReview();
      const [evidence] = (await claimState(claimId)).evidence;
      const { deleteEvidence } = dataOf(
        await gql<any>(
          `mutation($id: ID!, $v: Int!) { deleteEvidence(input: { id: $id, expectedVersion: $v, reason: "unsure" }) { version } }`,
          { id: evidence!.id, v: evidence!.version },
          editor.viewer,
        ),
      );
      dataOf(
        await gql(
          `mutation($id: ID!, $v: Int!) { restoreEvidence(input: { id: $id, expectedVersion: $v }) { id } }`,
          { id: evidence!.id, v: deleteEvidence.version },
          as().viewer,
        ),
      );
      await expectOnlyOthersMayJudge(claimId, as());
    });

    it(`refuses ${who} whose text correction orphaned the words (correctSourceText)`, async () => {
      const { claimId, sourceId } = await claimInReview();
      const { source } = dataOf(await gql<any>(`query($id: ID!) { source(id: $id) { version } }`, { id: sourceId }, editor.viewer));
      const report = dataOf(
        await gql<any>(
          `mutation($input: CorrectSourceTextInput!) { correctSourceText(input: $input) { orphaned } }`,
          {
            input: {
              id: sourceId,
              expectedVersion: source.version,
              text: TEXT.replace('talks went well', 'the meeting was cancelled'),
              reason: 'Misheard',
            },
          },
          as().viewer,
        ),
      ).correctSourceText;
      expect(report.orphaned).toBe(1);
      await expectOnlyOthersMayJudge(claimId, as());
    });
  }

  it('sends a verified claim back to review when its evidence changes, and names who changed it in the queue', async () => {
    const { claimId } = await claimInReview();
    const { version } = await claimState(claimId);
    dataOf(await review(reviewer, claimId, version));
    const [evidence] = (await claimState(claimId)).evidence;
    dataOf(
      await gql(
        `mutation($id: ID!, $v: Int!) { updateEvidence(input: { id: $id, expectedVersion: $v, selector: { exact: "The aide said talks went well" } }) { id } }`,
        { id: evidence!.id, v: evidence!.version },
        editorReviewer.viewer,
      ),
    );
    expect(await claimState(claimId)).toMatchObject({ status: 'IN_REVIEW', lastEditedBy: `user:${editorReviewer.id}` });
    const { reviewQueue } = dataOf(
      await gql<any>(
        `query { reviewQueue(first: 100) { edges { node { lastEditedBy record { ... on Claim { id } } } } } }`,
        {},
        reviewer.viewer,
      ),
    );
    expect(reviewQueue.edges.find(({ node }: any) => node.record.id === claimId).node.lastEditedBy).toBe(`user:${editorReviewer.id}`);
    expect(
      dataOf(await gql<any>(`query($id: ID!) { claim(id: $id) { lastEditedBy } }`, { id: claimId }, editor.viewer)).claim.lastEditedBy,
    ).toBe(`user:${editorReviewer.id}`);
  });

  it('names the last editor to staff only', async () => {
    const { claimId } = await claimInReview();
    const { version } = await claimState(claimId);
    dataOf(await review(reviewer, claimId, version));
    for (const viewer of [viewers.anonymous, viewers.client]) {
      expect(dataOf(await gql<any>(`query($id: ID!) { claim(id: $id) { status lastEditedBy } }`, { id: claimId }, viewer))).toEqual({
        claim: { status: 'VERIFIED', lastEditedBy: null },
      });
    }
  });
});
