import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, createUser, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

describe('guards found in review', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let otherEditor: TestUser;
  let reviewer: TestUser;
  let admin: TestUser;

  const verifiedClaim = async (text: string) => {
    const { createClaim } = dataOf(
      await gql<any>(
        `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
        { input: { text, claimantLabel: 'an aide', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED' } },
        editor.viewer,
      ),
    );
    dataOf(
      await gql(
        `mutation($id: ID!) { submitForReview(input: { id: $id, expectedVersion: 1 }) { __typename } }`,
        { id: createClaim.id },
        editor.viewer,
      ),
    );
    dataOf(
      await gql(
        `mutation($id: ID!) { review(input: { id: $id, expectedVersion: 2, decision: VERIFY, comment: "ok" }) { __typename } }`,
        { id: createClaim.id },
        reviewer.viewer,
      ),
    );
    return createClaim.id as string;
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    otherEditor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    admin = await createUser(db.dataSource, [Role.ADMIN], 'admin');
  });
  afterAll(() => db.drop());

  it("keeps accounts' histories, which hold emails and roles, to admins", async () => {
    const query = `query($id: ID!) { revisions(recordType: USER, recordId: $id) { state } }`;
    expect(errorCodes(await gql(query, { id: editor.id }, reviewer.viewer))).toEqual(['FORBIDDEN']);
    expect(dataOf(await gql<any>(query, { id: editor.id }, admin.viewer)).revisions[0].state.email).toBe(editor.email);
    const trail = `{ auditTrail(actor: "test:factory", first: 100) { edges { node { recordType } } } }`;
    expect(dataOf(await gql<any>(trail, {}, reviewer.viewer)).auditTrail.edges).toEqual([]);
    expect(dataOf(await gql<any>(trail, {}, admin.viewer)).auditTrail.edges.length).toBeGreaterThanOrEqual(4);
  });

  it('lists the latest changes to every record, newest first, leaving accounts to admins', async () => {
    const id = await verifiedClaim('The latest change of all');
    const latest = `{ auditTrail(first: 100) { totalCount edges { node { recordType recordId operation createdAt } } } }`;
    const seenByReviewer = dataOf(await gql<any>(latest, {}, reviewer.viewer)).auditTrail;
    expect(seenByReviewer.edges[0].node).toMatchObject({ recordType: 'CLAIM', recordId: id, operation: 'REVIEW' });
    const times = seenByReviewer.edges.map((edge: any) => Date.parse(edge.node.createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(seenByReviewer.edges.some((edge: any) => edge.node.recordType === 'USER')).toBe(false);
    const seenByAdmin = dataOf(await gql<any>(latest, {}, admin.viewer)).auditTrail;
    expect(seenByAdmin.totalCount).toBeGreaterThan(seenByReviewer.totalCount);
    expect(seenByAdmin.edges.some((edge: any) => edge.node.recordType === 'USER')).toBe(true);
  });

  it('shows client apps a past state only while the record is still visible now', async () => {
    const id = await verifiedClaim('Shown, then withdrawn by deletion.');
    await new Promise((resolve) => setTimeout(resolve, 10));
    const then = new Date();
    const query = `query($id: ID!, $asOf: DateTimeISO) { claim(id: $id, asOf: $asOf) { text } }`;
    expect(dataOf(await gql(query, { id, asOf: then }, viewers.anonymous))).toEqual({
      claim: { text: 'Shown, then withdrawn by deletion.' },
    });
    dataOf(
      await gql(
        `mutation($id: ID!) { deleteClaim(input: { id: $id, expectedVersion: 3, reason: "Wrong source" }) { id } }`,
        { id },
        editor.viewer,
      ),
    );
    expect(dataOf(await gql(query, { id, asOf: then }, viewers.anonymous))).toEqual({ claim: null });
    expect(dataOf(await gql(query, { id, asOf: then }, editor.viewer))).toEqual({ claim: { text: 'Shown, then withdrawn by deletion.' } });
  });

  it('refuses to edit or revert a retracted record', async () => {
    const id = await verifiedClaim('Retracted later.');
    dataOf(
      await gql(
        `mutation($id: ID!) { review(input: { id: $id, expectedVersion: 3, decision: RETRACT, comment: "withdrawn" }) { __typename } }`,
        { id },
        reviewer.viewer,
      ),
    );
    const edit = await gql(
      `mutation($id: ID!) { updateClaim(input: { id: $id, expectedVersion: 4, text: "Quietly changed." }) { id } }`,
      { id },
      editor.viewer,
    );
    expect(errorCodes(edit)).toEqual(['BAD_USER_INPUT']);
    expect(edit.errors![0]!.message).toMatch(/retracted record is final/);
  });

  it('sends a judged claim back to review when its evidence changes, and keeps a retracted one as it was', async () => {
    const { createSource } = dataOf(
      await gql<any>(
        `mutation { createSource(input: { title: "Note", text: "The aide said talks went well. Later, talks stalled.", language: "en", kind: REPORT }) { id } }`,
        {},
        editor.viewer,
      ),
    );
    const id = await verifiedClaim('Talks went well.');
    const add = `mutation($claim: ID!, $source: ID!) { createEvidence(input: { claimId: $claim, sourceId: $source, selector: { exact: "talks went well" } }) { id claim { status version } } }`;
    const { createEvidence } = dataOf(await gql<any>(add, { claim: id, source: createSource.id }, editor.viewer));
    expect(createEvidence.claim).toEqual({ status: 'IN_REVIEW', version: 4 });
    expect(dataOf(await gql(`query($id: ID!) { claim(id: $id) { id } }`, { id }, viewers.anonymous))).toEqual({ claim: null });
    const own = await gql(
      `mutation($id: ID!) { review(input: { id: $id, expectedVersion: 4, decision: VERIFY, comment: "mine" }) { __typename } }`,
      { id },
      editor.viewer,
    );
    expect(errorCodes(own)).toEqual(['FORBIDDEN']);

    const retracted = await verifiedClaim('Talks stalled.');
    dataOf(
      await gql(
        `mutation($id: ID!) { review(input: { id: $id, expectedVersion: 3, decision: RETRACT, comment: "withdrawn" }) { __typename } }`,
        { id: retracted },
        reviewer.viewer,
      ),
    );
    const refused = await gql(
      add.replace('talks went well', 'talks stalled'),
      { claim: retracted, source: createSource.id },
      editor.viewer,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(
      dataOf(await gql<any>(`query($id: ID!) { claim(id: $id) { evidence { id } } }`, { id: retracted }, editor.viewer)).claim.evidence,
    ).toEqual([]);
  });

  it('sends new references to the entity a merged one now redirects to', async () => {
    const make = async (name: string) =>
      dataOf(
        await gql<any>(`mutation($name: String!) { createEntity(input: { name: $name, kind: PERSON }) { id } }`, { name }, editor.viewer),
      ).createEntity.id as string;
    const [winner, loser] = [await make('Sergei Lavrov'), await make('S. Lavrov')];
    dataOf(
      await gql(
        `mutation($w: ID!, $l: ID!) { mergeEntities(input: { winnerId: $w, winnerExpectedVersion: 1, loserId: $l, loserExpectedVersion: 1, reason: "same" }) { id } }`,
        { w: winner, l: loser },
        editor.viewer,
      ),
    );
    const refused = await gql(
      `mutation($l: ID!) { createClaim(input: { text: "x", claimantId: $l, attribution: DIRECT_QUOTE, modality: ASSERTED }) { id } }`,
      { l: loser },
      editor.viewer,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(refused.errors![0]!.message).toContain(`was merged into ${winner}`);
  });

  it("lets only a note's author, or an admin, change or delete it; anyone on the staff may resolve it", async () => {
    const { createEntity } = dataOf(
      await gql<any>(`mutation { createEntity(input: { name: "Noted", kind: OTHER }) { id } }`, {}, editor.viewer),
    );
    const { createAnnotation: note } = dataOf(
      await gql<any>(
        `mutation($id: ID!) { createAnnotation(input: { targetType: ENTITY, targetId: $id, motivation: COMMENTING, body: "Mine." }) { id } }`,
        { id: createEntity.id },
        editor.viewer,
      ),
    );
    const rewrite = `mutation($id: ID!, $v: Int!) { updateAnnotation(input: { id: $id, expectedVersion: $v, body: "Not mine." }) { version } }`;
    expect(errorCodes(await gql(rewrite, { id: note.id, v: 1 }, otherEditor.viewer))).toEqual(['FORBIDDEN']);
    expect(
      dataOf(
        await gql<any>(
          `mutation($id: ID!) { updateAnnotation(input: { id: $id, expectedVersion: 1, resolved: true }) { version } }`,
          { id: note.id },
          otherEditor.viewer,
        ),
      ).updateAnnotation.version,
    ).toBe(2);
    expect(
      errorCodes(
        await gql(
          `mutation($id: ID!) { deleteAnnotation(input: { id: $id, expectedVersion: 2, reason: "x" }) { id } }`,
          { id: note.id },
          reviewer.viewer,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(dataOf(await gql<any>(rewrite, { id: note.id, v: 2 }, admin.viewer)).updateAnnotation.version).toBe(3);
  });
});
