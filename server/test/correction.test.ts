import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { sliceCodePoints } from '../src/core/anchoring/text-quote.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, createUser, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient, viewers } from './support/graphql.js';

const REPEATED = /\n\nAccording to a presidential aide[^\n]*\n/g;
const REPORT = `mutation($input: CorrectSourceTextInput!) {
  correctSourceText(input: $input) {
    anchored fuzzy orphaned
    source { version }
    revision { id number text }
    changes { status method similarity before { exact start } after { exact start end } evidence { id version anchorStatus sourceRevision { id } } }
  }
}`;

describe('correctSourceText', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let source: { id: string; version: number; currentRevision: { id: string; text: string } };
  const run = <T = any>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, editor.viewer);
  const reload = async () =>
    (source = dataOf(await run(`{ sources { edges { node { id version currentRevision { id text } } } } }`)).sources.edges[0].node);

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    await reload();
  });
  afterAll(() => db.drop());

  it('refuses a stale version and writes nothing', async () => {
    const before = await db.dataSource.manager.count(Revision);
    const stale = await run(REPORT, {
      input: { id: source.id, expectedVersion: source.version + 7, text: `${source.currentRevision.text} More.`, reason: 'x' },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(await db.dataSource.manager.count(Revision)).toBe(before);
    expect((await reload()).currentRevision.text).not.toMatch(/ More\.$/);
  });

  it('adds a snapshot and re-anchors every evidence: moved by the edits, fixed words FUZZY, none silently wrong', async () => {
    const old = source.currentRevision.text;
    const printings = [...old.matchAll(REPEATED)];
    expect(printings).toHaveLength(2);
    const second = printings[1]!;
    const corrected =
      `Editor's note: translated from Burmese.\n\n${old.slice(0, second.index) + old.slice(second.index! + second[0].length - 1)}`.replace(
        'which does not. always appoints him',
        'which does not; it always calls him',
      );
    const evidenceCount = Number((await db.dataSource.query(`SELECT count(*) FROM evidence`))[0].count);
    const revisionsBefore = await db.dataSource.manager.count(Revision);
    const { correctSourceText: report } = dataOf(
      await run(REPORT, {
        input: {
          id: source.id,
          expectedVersion: source.version,
          text: corrected,
          reason: 'Removed the duplicated paragraph; fixed a mistranslation',
        },
      }),
    );

    expect(report.revision).toMatchObject({ number: 2, text: corrected });
    expect(report.source.version).toBe(source.version + 1);
    expect(report.anchored + report.fuzzy + report.orphaned).toBe(evidenceCount);
    expect(report.changes).toHaveLength(evidenceCount);
    const written = await db.dataSource.manager.find(Revision, {
      where: { reason: 'Removed the duplicated paragraph; fixed a mistranslation' },
    });
    expect(await db.dataSource.manager.count(Revision)).toBe(revisionsBefore + written.length);
    expect(written.filter((r) => r.recordType === 'Source').map((r) => r.operation)).toEqual(['UPDATE']);
    expect(written.filter((r) => r.operation === 'REANCHOR')).toHaveLength(evidenceCount);
    const reopened = written.filter((r) => r.operation === 'UPDATE' && r.recordType !== 'Source');
    expect(reopened.length).toBeGreaterThan(0);
    // A verified record stays published as last verified, awaiting re-review; any other judged one goes back to review.
    for (const revision of reopened) {
      expect([
        { status: { before: expect.any(String), after: 'IN_REVIEW' } },
        { reReviewPendingSince: { before: null, after: expect.any(String) } },
      ]).toContainEqual(revision.changes);
      if ('reReviewPendingSince' in revision.changes) expect(revision.state.status).toBe('VERIFIED');
    }

    const fixed = report.changes.find((c: any) => c.before.exact === 'always appoints him as president of the SAC');
    expect(fixed).toMatchObject({ status: 'FUZZY', after: { exact: 'always calls him as president of the SAC' } });
    // Its claim was disputed in review; a near match sends it back to review, for a reviewer to confirm.
    const { claims } = dataOf(await run(`{ claims(first: 100) { edges { node { status evidence { id } } } } }`));
    const owner = claims.edges.map((e: any) => e.node).find((c: any) => c.evidence.some((e: any) => e.id === fixed.evidence.id));
    expect(owner.status).toBe('IN_REVIEW');
    for (const change of report.changes) {
      if (change.status === 'ANCHORED') {
        expect(change.after.exact).toBe(change.before.exact);
        expect(sliceCodePoints(corrected, change.after.start, change.after.end)).toBe(change.before.exact);
        expect(change.evidence.sourceRevision.id).toBe(report.revision.id);
      }
      if (change.status === 'FUZZY') expect(sliceCodePoints(corrected, change.after.start, change.after.end)).toBe(change.after.exact);
    }
    expect(report.anchored).toBeGreaterThanOrEqual(evidenceCount - 2);
    const statuses = report.changes.map((c: any) => c.status);
    expect(statuses.indexOf('ANCHORED')).toBeGreaterThanOrEqual(statuses.lastIndexOf('FUZZY') + 1);

    const trigger = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id WHERE e.anchor_status = 'ANCHORED' AND substr(r.text, e.start_pos + 1, e.end_pos - e.start_pos) <> e.exact`,
    )) as Array<{ n: number }>;
    expect(trigger[0]!.n).toBe(0);
  });

  it('shows the text a source had at a past moment', async () => {
    await reload();
    const { source: past } = dataOf(
      await run(`query($id: ID!, $asOf: DateTimeISO) { source(id: $id, asOf: $asOf) { version currentRevision { number } } }`, {
        id: source.id,
        asOf: new Date(Date.now() - 60_000),
      }),
    );
    expect(past).toBeNull();
    const { revisions } = dataOf(
      await run(`query($id: ID!) { revisions(recordType: SOURCE, recordId: $id) { version createdAt } }`, { id: source.id }),
    );
    const firstWrite = revisions[0].createdAt;
    const { source: atFirst } = dataOf(
      await run(`query($id: ID!, $asOf: DateTimeISO) { source(id: $id, asOf: $asOf) { version currentRevision { number } } }`, {
        id: source.id,
        asOf: firstWrite,
      }),
    );
    expect(atFirst).toEqual({ version: 1, currentRevision: { number: 1 } });
    const { source: now } = dataOf(await run(`query($id: ID!) { source(id: $id) { currentRevision { number } } }`, { id: source.id }));
    expect(now.currentRevision.number).toBe(2);
  });

  it('orphans evidence whose words are gone, leaving it on the snapshot it still matches', async () => {
    await reload();
    const old = source.currentRevision.text;
    const sentence = 'He also suggested that Myanmar open consulates in St. Petersburg and Novosibirsk.';
    expect(old).toContain(sentence);
    const { correctSourceText: report } = dataOf(
      await run(REPORT, {
        input: {
          id: source.id,
          expectedVersion: source.version,
          text: old.replace(` ${sentence}`, ''),
          reason: 'Sentence not in the original',
        },
      }),
    );
    const gone = report.changes.filter((c: any) => c.status === 'ORPHANED');
    expect(gone.length).toBeGreaterThan(0);
    expect(report.orphaned).toBe(gone.length);
    for (const change of gone) {
      expect(sentence).toContain(change.before.exact);
      expect(change.after).toBeNull();
      expect(change.evidence.anchorStatus).toBe('ORPHANED');
      expect(change.evidence.sourceRevision.id).toBe(source.currentRevision.id);
    }
  });

  it('moves notes on spans with their words, and leaves them on their snapshot when the words change', async () => {
    await reload();
    const old = source.currentRevision.text;
    const note = (exact: string) =>
      run(`mutation($input: CreateAnnotationInput!) { createAnnotation(input: $input) { id } }`, {
        input: {
          targetType: 'SOURCE',
          targetId: source.id,
          motivation: 'QUESTIONING',
          body: 'Which exercises?',
          span: { sourceId: source.id, selector: { exact } },
        },
      });
    const kept = dataOf(await note('Vostok-22')).createAnnotation.id;
    const changed = dataOf(await note('the Siberian city')).createAnnotation.id;
    const corrected = `Note. ${old.replace('the Siberian city', 'the city in Siberia')}`;
    const { correctSourceText: report } = dataOf(
      await run(REPORT.replace('anchored fuzzy orphaned', 'anchored fuzzy orphaned annotationsMoved'), {
        input: { id: source.id, expectedVersion: source.version, text: corrected, reason: 'Editorial note added' },
      }),
    );
    expect(report.annotationsMoved).toBe(1);
    const { annotations } = dataOf(
      await run(
        `query($id: ID!) { annotations(targetType: SOURCE, targetId: $id) { edges { node { id span { sourceRevisionId selector { exact start } } } } } }`,
        { id: source.id },
      ),
    );
    const byId = new Map(annotations.edges.map(({ node: a }: any) => [a.id, a.span]));
    expect(byId.get(kept)).toEqual({
      sourceRevisionId: report.revision.id,
      selector: { exact: 'Vostok-22', start: corrected.indexOf('Vostok-22') },
    });
    expect((byId.get(changed) as any).sourceRevisionId).toBe(source.currentRevision.id);
  });
});

describe('a small correction of the seed article', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  const published = async () => {
    const { claims, events } = dataOf(
      await gql<any>(`{ claims(first: 100) { totalCount } events(first: 100) { totalCount } }`, {}, viewers.anonymous),
    );
    return { claims: claims.totalCount as number, events: events.totalCount as number };
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
  });
  afterAll(() => db.drop());

  it('leaves every quote it did not touch ANCHORED, and every record resting only on those published', async () => {
    const { sources } = dataOf(await gql<any>(`{ sources { edges { node { id version currentRevision { text } } } } }`, {}, editor.viewer));
    const source = sources.edges[0].node;
    const before = await published();
    const [owners] = (await db.dataSource.query(
      `SELECT count(DISTINCT c.id) FILTER (WHERE c.status = 'VERIFIED')::int AS claims, count(DISTINCT v.id) FILTER (WHERE v.status = 'VERIFIED')::int AS events,
              count(DISTINCT coalesce(c.id, v.id)) FILTER (WHERE coalesce(c.status, v.status) IN ('VERIFIED', 'DISPUTED', 'REJECTED'))::int AS judged
         FROM evidence e LEFT JOIN claims c ON c.id = e.claim_id LEFT JOIN events v ON v.id = e.event_id
        WHERE e.exact LIKE 'A month earlier,%' OR e.exact LIKE '%does not.%' OR e.exact LIKE '%appoints him%'`,
    )) as Array<{ claims: number; events: number; judged: number }>;
    // A date made plain, and a machine-translation typo fixed: far apart, the repeated paragraph between them.
    const corrected = source.currentRevision.text
      .replace('A month earlier,', 'In early August,')
      .replace('which does not. always appoints him', 'which does not always appoint him');
    const input = { id: source.id, expectedVersion: source.version, text: corrected, reason: 'Dated the Lavrov visit; fixed a typo' };
    const WITH_REOPENED = REPORT.replace(
      'anchored fuzzy orphaned',
      'anchored fuzzy orphaned preview reopened { __typename ... on Claim { id status reReview { since note } } ... on Event { id status reReview { since note } } }',
    );

    // The preview is the correction itself, rolled back: the same report, and nothing saved.
    const revisionsBefore = await db.dataSource.manager.count(Revision);
    const { correctSourceText: preview } = dataOf(await gql<any>(WITH_REOPENED, { input: { ...input, preview: true } }, editor.viewer));
    expect(preview.preview).toBe(true);
    expect(await db.dataSource.manager.count(Revision)).toBe(revisionsBefore);
    expect(await published()).toEqual(before);
    expect(
      dataOf(await gql<any>(`query($id: ID!) { source(id: $id) { version revisions { number } } }`, { id: source.id }, editor.viewer))
        .source,
    ).toEqual({ version: source.version, revisions: [{ number: 1 }] });

    const { correctSourceText: report } = dataOf(await gql<any>(WITH_REOPENED, { input }, editor.viewer));
    expect(report.preview).toBe(false);
    const outcome = (of: any) => of.changes.map((change: any) => [change.evidence.id, change.status, change.after?.exact ?? null]);
    expect(outcome(report)).toEqual(outcome(preview));
    const sentBack = (of: any) => of.reopened.map((record: any) => [record.id, record.status, record.reReview?.note ?? null]);
    expect(sentBack(report)).toEqual(sentBack(preview));
    expect(report.reopened.length).toBeGreaterThan(0);
    // Verified records stay published as last verified until a reviewer judges the corrected words; judged ones not published go back to review.
    expect(report.reopened.filter((record: any) => record.status === 'VERIFIED')).toHaveLength(owners!.claims + owners!.events);
    for (const record of report.reopened) {
      if (record.status === 'VERIFIED') expect(record.reReview).toMatchObject({ note: expect.stringContaining('re-review pending') });
      else expect(record).toMatchObject({ status: 'IN_REVIEW', reReview: null });
    }
    const touched = (exact: string) =>
      exact.startsWith('A month earlier,') || exact.includes('does not.') || exact.includes('appoints him');
    for (const change of report.changes) {
      if (touched(change.before.exact)) {
        // The words as corrected, whole: never cut to a part of the old quote.
        expect(change.status, change.before.exact).toBe('FUZZY');
        expect(change.after.exact).toBe(
          change.before.exact
            .replace('A month earlier,', 'In early August,')
            .replace('does not.', 'does not')
            .replace('appoints him', 'appoint him'),
        );
      } else {
        expect(change, change.before.exact).toMatchObject({ status: 'ANCHORED', after: { exact: change.before.exact } });
      }
    }
    expect(report.fuzzy).toBeGreaterThanOrEqual(3);
    expect(report.anchored).toBeGreaterThan(60);
    expect(report.orphaned).toBe(0);

    // Client apps still read every published record, the reworded ones as last verified; the one the issue saw vanish stays.
    expect(await published()).toEqual(before);
    // Judged records resting on the corrected words go back to review, published or not (a disputed one too).
    expect(report.reopened).toHaveLength(owners!.judged);
    // The reviewer sees why each is back: who sent it back, when, the correction's reason, old words beside new.
    const { reviewQueue } = dataOf(
      await gql<any>(
        `{ reviewQueue(first: 100) { edges { node { submittedAt submittedBy submittedByName sentBack submittedReason record { ... on Claim { id } ... on Event { id } }
            evidenceChangesSinceVerified { before { exact } beforeStatus after { exact } afterStatus changedBy reason } } } } }`,
        {},
        editor.viewer,
      ),
    );
    const reopenedIds = new Set(report.reopened.map((record: any) => record.id));
    const back = reviewQueue.edges.map((edge: any) => edge.node).filter((item: any) => reopenedIds.has(item.record.id));
    expect(back).toHaveLength(report.reopened.length);
    for (const item of back) {
      expect(item).toMatchObject({
        sentBack: true,
        submittedBy: `user:${editor.id}`,
        submittedByName: 'editor',
        submittedReason: 'Dated the Lavrov visit; fixed a typo',
      });
      expect(Date.now() - new Date(item.submittedAt).getTime()).toBeLessThan(60_000);
      if (item.evidenceChangesSinceVerified.length === 0) continue;
      for (const change of item.evidenceChangesSinceVerified) {
        expect(change).toMatchObject({
          beforeStatus: 'ANCHORED',
          afterStatus: 'FUZZY',
          changedBy: `user:${editor.id}`,
          reason: 'Dated the Lavrov visit; fixed a typo',
        });
        expect(change.after.exact).toBe(
          change.before.exact
            .replace('A month earlier,', 'In early August,')
            .replace('does not.', 'does not')
            .replace('appoints him', 'appoint him'),
        );
      }
    }
    expect(back.filter((item: any) => item.evidenceChangesSinceVerified.length > 0).length).toBeGreaterThanOrEqual(
      owners!.claims + owners!.events,
    );
    const { search } = dataOf(
      await gql<any>(
        `{ search(query: "only Southeast Asian country") { edges { node { record { ... on Claim { status } } } } } }`,
        {},
        viewers.anonymous,
      ),
    );
    expect(search.edges.map((edge: any) => edge.node.record?.status).filter(Boolean)).toContain('VERIFIED');
  });
  it('confirms FUZZY evidence on its corrected words, once, by someone who then may not judge its record', async () => {
    const reviewer = await createReviewer(db.dataSource);
    const other = await createReviewer(db.dataSource);
    const confirmer = await createUser(db.dataSource, [Role.EDITOR, Role.REVIEWER], 'both');
    const [fuzzy] = (await db.dataSource.query(
      `SELECT e.id, e.version, e.exact, c.id AS claim_id FROM evidence e JOIN claims c ON c.id = e.claim_id WHERE e.anchor_status = 'FUZZY' AND c.status = 'IN_REVIEW' ORDER BY e.id LIMIT 1`,
    )) as Array<{ id: string; version: number; exact: string; claim_id: string }>;
    const CONFIRM = `mutation($input: ConfirmEvidenceInput!) { confirmEvidence(input: $input) { id version anchorStatus selector { exact } context(chars: 0) { exact } } }`;
    const { confirmEvidence } = dataOf(
      await gql<any>(CONFIRM, { input: { id: fuzzy!.id, expectedVersion: fuzzy!.version } }, confirmer.viewer),
    );
    expect(confirmEvidence).toMatchObject({
      anchorStatus: 'ANCHORED',
      version: fuzzy!.version + 1,
      selector: { exact: fuzzy!.exact },
      context: { exact: fuzzy!.exact },
    });
    const { revisions } = dataOf(
      await gql<any>(
        `query($id: ID!) { revisions(recordType: EVIDENCE, recordId: $id) { actor reason } }`,
        { id: fuzzy!.id },
        reviewer.viewer,
      ),
    );
    expect(revisions.at(-1)).toEqual({ actor: `user:${confirmer.id}`, reason: 'Confirmed these words' });

    const again = await gql(CONFIRM, { input: { id: fuzzy!.id, expectedVersion: fuzzy!.version + 1 } }, confirmer.viewer);
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    expect(errorCodes(await gql(CONFIRM, { input: { id: fuzzy!.id, expectedVersion: fuzzy!.version } }, editor.viewer))).toEqual([
      'CONFLICT',
    ]);
    expect(errorCodes(await gql(CONFIRM, { input: { id: fuzzy!.id, expectedVersion: fuzzy!.version + 1 } }, reviewer.viewer))).toEqual([
      'FORBIDDEN',
    ]);

    const { claim } = dataOf(
      await gql<any>(`query($id: ID!) { claim(id: $id) { version status lastEditedBy } }`, { id: fuzzy!.claim_id }, reviewer.viewer),
    );
    expect(claim).toMatchObject({ status: 'IN_REVIEW', lastEditedBy: `user:${confirmer.id}` });
    const verify = `mutation($id: ID!, $v: Int!) { review(input: { id: $id, expectedVersion: $v, decision: VERIFY, comment: "The corrected words hold." }) { ... on Claim { status } } }`;
    expect(errorCodes(await gql(verify, { id: fuzzy!.claim_id, v: claim.version }, confirmer.viewer))).toEqual(['FORBIDDEN']);
    expect(dataOf(await gql<any>(verify, { id: fuzzy!.claim_id, v: claim.version }, other.viewer)).review.status).toBe('VERIFIED');
  });
});
