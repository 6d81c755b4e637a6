import { beforeAll, describe, expect, it } from 'vitest';

import type { TestDatabase } from './support/database.js';
import { createEditor, createReviewer, newsArticleInput, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, type graphqlClient } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

/** Two outlets on one story (not the seed's): a wire dating the talks to last week, a paper to the day. */
const WIRE = [
  'Lavrov and Cambodian leaders agree to expand trade',
  'PHNOM PENH (Wire) - Russian Foreign Minister Sergei Lavrov met Cambodian leaders in Phnom Penh last week and agreed to expand trade between Russia and Cambodia.',
  '"Cambodia has always been a reliable friend of Russia in Southeast Asia," Lavrov said after the talks.',
  'Trade between the two countries reached 300 million dollars last year, according to the Cambodian commerce ministry.',
  'The ministers will meet again in Moscow next year, officials said.',
].join('\n\n');
const PAPER = [
  "Russia's top diplomat in Phnom Penh: trade to grow",
  'Sergei Lavrov held talks with Cambodian leaders in Phnom Penh on Tuesday, the Russian Foreign Ministry said.',
  'Lavrov told reporters that Cambodia "has always been a reliable friend of Russia" in Southeast Asia.',
  'According to the Cambodian commerce ministry, trade between Cambodia and Russia reached 300 million dollars last year.',
  'Dozens of students waved Russian and Cambodian flags outside the palace.',
].join('\n\n');
/** Another outlet printing the wire's copy under its own headline, with one line of its own. */
const REPRINT = [
  'Russia, Cambodia to expand trade',
  WIRE.split('\n\n').slice(1).join('\n\n'),
  'This report was carried from the wire in full, with a closing line by our desk about the visit.',
].join('\n\n');

const IMPORT = `mutation($input: ImportSourceInput!) {
  importSource(input: $input) {
    source { id storySources { id } reprintOf { id } }
    claimsProposed eventsProposed claimsCorroborating eventsCorroborating folded
  }
}`;
const PROPOSALS = `query($sourceId: ID!) {
  claims(filter: { sourceId: $sourceId, proposal: [PENDING] }, first: 100) {
    edges { node { id version text checkWorthiness corroborates { id text } } }
  }
  events(filter: { sourceId: $sourceId, proposal: [PENDING] }, first: 100) {
    edges { node { id version title type { code } start { date precision } datesMorePrecisely corroborates { id } } }
  }
}`;
const MERGE = `mutation($input: MergeProposalInput!) { mergeProposal(input: $input) { __typename } }`;

describe('an import read against the store: the same claim, the same happening, one story, reprints', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let wire: any;
  let paper: any;
  let wireProposals: any;
  let paperProposals: any;
  useSeededDatabase((database, client) => {
    db = database;
    gql = client;
  });
  const importText = async (content: string, publishedAt: string) =>
    dataOf(await gql<any>(IMPORT, { input: newsArticleInput(content, publishedAt) }, editor.viewer)).importSource;
  const proposalsOf = async (sourceId: string) => {
    const data = dataOf(await gql<any>(PROPOSALS, { sourceId }, editor.viewer));
    return { claims: data.claims.edges.map((e: any) => e.node), events: data.events.edges.map((e: any) => e.node) };
  };
  const count = async (table: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    wire = await importText(WIRE, '2023-11-20');
    wireProposals = await proposalsOf(wire.source.id);
    // The wire's meeting is taken on, sent to review and verified before the second source arrives.
    const meeting = wireProposals.events.find((e: any) => e.type.code === 'MEETING' && e.start.precision === 'WEEK');
    const accepted = dataOf(
      await gql<any>(
        `mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) { ... on Event { version } } }`,
        { input: { id: meeting.id, expectedVersion: meeting.version } },
        editor.viewer,
      ),
    ).acceptProposal;
    const submitted = dataOf(
      await gql<any>(
        `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Event { version } } }`,
        { input: { id: meeting.id, expectedVersion: accepted.version } },
        editor.viewer,
      ),
    ).submitForReview;
    dataOf(
      await gql<any>(
        `mutation($input: ReviewInput!) { review(input: $input) { ... on Event { status } } }`,
        { input: { id: meeting.id, expectedVersion: submitted.version, decision: 'VERIFY', comment: 'The wire says so.' } },
        reviewer.viewer,
      ),
    );
    paper = await importText(PAPER, '2023-11-16');
    paperProposals = await proposalsOf(paper.source.id);
  });

  it("offers the second source's reworded claims as corroboration of the first's, not as new claims", () => {
    expect(wire.claimsCorroborating).toBe(0);
    expect(paper.claimsCorroborating).toBeGreaterThanOrEqual(2);
    const corroborating = (words: string) => paperProposals.claims.find((c: any) => c.text.includes(words))?.corroborates?.text;
    expect(corroborating('has always been a reliable friend')).toContain(
      'Cambodia has always been a reliable friend of Russia in Southeast Asia',
    );
    expect(corroborating('reached 300 million dollars')).toContain('Trade between the two countries reached 300 million dollars');
    expect(corroborating('Dozens of students')).toBeUndefined();
  });

  it('offers its event as more evidence of the verified one, dating it to the day', () => {
    expect(paper.eventsCorroborating).toBe(1);
    const meeting = paperProposals.events.find((e: any) => e.corroborates);
    expect(meeting).toMatchObject({ type: { code: 'MEETING' }, start: { date: '2023-11-14', precision: 'DAY' }, datesMorePrecisely: true });
  });

  it('groups the two sources as one story, each seeing the other', async () => {
    expect(paper.source.storySources).toEqual([{ id: wire.source.id }]);
    const { source } = dataOf(await gql<any>(`query($id: ID!) { source(id: $id) { storySources { id } } }`, { id: wire.source.id }));
    expect(source.storySources).toEqual([{ id: paper.source.id }]);
  });

  it('ranks claims by check-worthiness when proposing them: a named speaker with figures above a scene', () => {
    const worth = (words: string) => paperProposals.claims.find((c: any) => c.text.includes(words)).checkWorthiness;
    expect(worth('reached 300 million dollars')).toBeGreaterThan(worth('Dozens of students'));
    for (const claim of paperProposals.claims) expect(claim.checkWorthiness).toBeGreaterThanOrEqual(0);
  });

  it('merges a corroboration in one mutation: the words become evidence of the stored record, which goes back to review, dated more precisely', async () => {
    const meeting = paperProposals.events.find((e: any) => e.corroborates);
    dataOf(await gql(MERGE, { input: { id: meeting.id, expectedVersion: meeting.version } }, editor.viewer));
    const quote = paperProposals.claims.find((c: any) => c.text.includes('has always been a reliable friend'));
    const stored = quote.corroborates.id;
    const evidenceBefore = await count(`evidence WHERE claim_id = '${stored}' AND deleted_at IS NULL`);
    dataOf(await gql(MERGE, { input: { id: quote.id, expectedVersion: quote.version } }, editor.viewer));
    expect(await count(`evidence WHERE claim_id = '${stored}' AND deleted_at IS NULL`)).toBe(evidenceBefore + 1);
    expect(await count(`claims WHERE id = '${quote.id}' AND deleted_at IS NOT NULL`)).toBe(1);
    // A reviewer reads why the claim is back: the merge is told in words, the source by its title.
    const [{ reason: addedBecause }] = await db.dataSource.query(
      `SELECT r.reason FROM revisions r JOIN evidence e ON e.id = r.record_id WHERE e.claim_id = $1 AND r.operation = 'CREATE' ORDER BY r.id DESC LIMIT 1`,
      [stored],
    );
    const [{ title }] = await db.dataSource.query(`SELECT title FROM sources WHERE id = $1`, [paper.source.id]);
    expect(addedBecause).toBe(`Said again in “${title}”: an import's proposal merged here`);
    const [{ reason: deletedBecause }] = await db.dataSource.query(
      `SELECT reason FROM revisions WHERE record_id = $1 ORDER BY version DESC LIMIT 1`,
      [quote.id],
    );
    expect(deletedBecause).toMatch(/^Merged into “.+”$/);
    expect(deletedBecause).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);

    const [event] = await db.dataSource.query(
      `SELECT to_char(start_date, 'YYYY-MM-DD') AS start, start_precision, status FROM events WHERE id = $1`,
      [meeting.corroborates.id],
    );
    expect(event).toEqual({ start: '2023-11-14', start_precision: 'DAY', status: 'IN_REVIEW' });
    // The reviewer reads the event's history in words: the quote and the source's title, no ids.
    const history = dataOf(
      await gql<any>(
        `query($id: ID!) { revisions(recordId: $id, recordType: EVENT) { reason } }`,
        { id: meeting.corroborates.id },
        reviewer.viewer,
      ),
    ).revisions.map((revision: any) => revision.reason);
    expect(history.at(-1)).toBe(
      `Dated 2023-11-14 at DAY (was 2023-11-13 at WEEK) by the words “Sergei Lavrov held talks with Cambodian leaders in Phnom Penh on Tuesday, the Russian Foreign Ministry said.” in “${title}”`,
    );
    // Where a machine needs the link, the evidence added beside it names the source.
    const [added] = await db.dataSource.query(
      `SELECT e.id FROM evidence e JOIN source_revisions sr ON sr.id = e.source_revision_id WHERE e.event_id = $1 AND sr.source_id = $2`,
      [meeting.corroborates.id, paper.source.id],
    );
    expect(added).toBeDefined();
  });

  it('flags a reprint and folds its proposals into the first copy’s instead of proposing them twice', async () => {
    const pendingOfWire = (await proposalsOf(wire.source.id)).claims.length;
    const reprint = await importText(REPRINT, '2023-11-21');
    expect(reprint.source.reprintOf).toEqual({ id: wire.source.id });
    expect(reprint.source.storySources.map((s: any) => s.id).sort()).toEqual([wire.source.id, paper.source.id].sort());
    expect(reprint.folded).toBeGreaterThanOrEqual(pendingOfWire);
    expect(reprint.claimsProposed).toBe(1);
    const folded = (await proposalsOf(wire.source.id)).claims[0];
    expect(await count(`evidence WHERE claim_id = '${folded.id}' AND deleted_at IS NULL`)).toBe(2);
  });

  it('folds a reprint into the first copy’s proposals even when those corroborate another source’s', async () => {
    const reprint = await importText(
      ['Top Russian diplomat visits Phnom Penh', ...PAPER.split('\n\n').slice(1)].join('\n\n'),
      '2023-11-17',
    );
    expect(reprint.source.reprintOf).toEqual({ id: paper.source.id });
    expect(reprint.claimsProposed).toBe(0);
    expect(reprint.folded).toBeGreaterThanOrEqual(3);
  });

  it('refuses a merge with nothing to merge into and writes nothing', async () => {
    const scene = (await proposalsOf(paper.source.id)).claims.find((c: any) => c.text.includes('Dozens of students'));
    const before = await Promise.all(['evidence', 'revisions', 'claims WHERE deleted_at IS NULL'].map(count));
    expect(errorCodes(await gql(MERGE, { input: { id: scene.id, expectedVersion: scene.version } }, editor.viewer))).toEqual([
      'BAD_USER_INPUT',
    ]);
    expect(errorCodes(await gql(MERGE, { input: { id: scene.id, expectedVersion: scene.version } }, reviewer.viewer))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await Promise.all(['evidence', 'revisions', 'claims WHERE deleted_at IS NULL'].map(count))).toEqual(before);
  });
});
