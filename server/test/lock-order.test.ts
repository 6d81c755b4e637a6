import { beforeAll, describe, expect, it } from 'vitest';

import type { TestDatabase } from './support/database.js';
import { createEditor, createReviewer, newsArticleInput, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, type graphqlClient } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const WIRE_PARAGRAPHS = [
  'PHNOM PENH (Wire) - Russian Foreign Minister Sergei Lavrov met Cambodian leaders in Phnom Penh last week and agreed to expand trade between Russia and Cambodia.',
  '"Cambodia has always been a reliable friend of Russia in Southeast Asia," Lavrov said after the talks.',
  'Trade between the two countries reached 300 million dollars last year, according to the Cambodian commerce ministry.',
  'The ministers will meet again in Moscow next year, officials said.',
  'Cambodian Prime Minister Hun Manet said his government welcomed Russian investment in energy and farming.',
  'Lavrov also met the Cambodian defence minister, the Russian embassy said.',
];
const WIRE = ['Lavrov and Cambodian leaders agree to expand trade', ...WIRE_PARAGRAPHS].join('\n\n');
const COPIES = 6;

/**
 * The wire's copy as another outlet prints it: its own headline, and its paragraphs in an order of its own, so each
 * copy reaches the first copy's proposals in a different order.
 */
function nearCopy(n: number): string {
  const rotated = [...WIRE_PARAGRAPHS.slice(n % WIRE_PARAGRAPHS.length), ...WIRE_PARAGRAPHS.slice(0, n % WIRE_PARAGRAPHS.length)];
  const order = n % 2 === 0 ? rotated : rotated.reverse();
  return [`Outlet ${n} on the Lavrov visit to Phnom Penh`, ...order].join('\n\n');
}

const IMPORT = `mutation($input: ImportSourceInput!) {
  importSource(input: $input) { source { id reprintOf { id } } claimsProposed eventsProposed folded }
}`;

describe('writes that lock several rows, run at once, wait for each other instead of deadlocking', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  useSeededDatabase((database, client) => {
    db = database;
    gql = client;
  });
  const importText = async (content: string) =>
    dataOf(await gql<any>(IMPORT, { input: newsArticleInput(content, '2023-11-20') }, editor.viewer)).importSource;
  const deadlocks = async () =>
    (await db.owner.query(`SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()`))[0].n as number;

  let wireProposals: Array<{ id: string }>;
  beforeAll(async () => {
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
  });

  it('near-copies imported at once fold every copy into the first copy’s proposals with no deadlock between them', async () => {
    const wire = await importText(WIRE);
    const pending = (await db.dataSource.query(
      `SELECT c.id FROM claims c JOIN evidence e ON e.claim_id = c.id JOIN source_revisions r ON r.id = e.source_revision_id
        WHERE r.source_id = $1 AND c.proposal = 'PENDING'
       UNION SELECT v.id FROM events v JOIN evidence e ON e.event_id = v.id JOIN source_revisions r ON r.id = e.source_revision_id
        WHERE r.source_id = $1 AND v.proposal = 'PENDING'`,
      [wire.source.id],
    )) as Array<{ id: string }>;
    expect(pending.length).toBeGreaterThanOrEqual(4);
    wireProposals = pending;
    const deadlocksBefore = await deadlocks();

    const copies = await Promise.all(Array.from({ length: COPIES }, (_, n) => importText(nearCopy(n + 1))));

    expect(await deadlocks()).toBe(deadlocksBefore);
    expect(copies.map((copy) => copy.source.reprintOf)).toEqual(copies.map(() => ({ id: wire.source.id })));
    expect(copies.map((copy) => copy.claimsProposed + copy.eventsProposed)).toEqual(copies.map(() => 0));
    expect(Math.min(...copies.map((copy) => copy.folded))).toBeGreaterThanOrEqual(4);
    // Every quote a copy folded rests on the wire's pending proposals, and the copy holds no other evidence.
    const quotes = (await db.dataSource.query(
      `SELECT r.source_id AS "sourceId", count(*)::int AS n, count(*) FILTER (WHERE coalesce(e.claim_id, e.event_id) = ANY($2))::int AS "onWire"
         FROM evidence e JOIN source_revisions r ON r.id = e.source_revision_id
        WHERE r.source_id = ANY($1) AND e.deleted_at IS NULL GROUP BY r.source_id`,
      [copies.map((copy) => copy.source.id), pending.map((p) => p.id)],
    )) as Array<{ sourceId: string; n: number; onWire: number }>;
    const bySource = new Map(quotes.map((row) => [row.sourceId, row]));
    expect(copies.map((copy) => bySource.get(copy.source.id))).toEqual(
      copies.map((copy) => ({ sourceId: copy.source.id, n: copy.folded, onWire: copy.folded })),
    );
  });
  it('proposals merged into one record at once all join it', async () => {
    const claims = (await db.dataSource.query(`SELECT id, version FROM claims WHERE id = ANY($1) ORDER BY created_at, id`, [
      wireProposals.map((p) => p.id),
    ])) as Array<{ id: string; version: number }>;
    const [into, ...merged] = claims;
    expect(merged.length).toBeGreaterThanOrEqual(2);
    const evidenceOf = async (id: string) =>
      (await db.dataSource.query(`SELECT count(*)::int AS n FROM evidence WHERE claim_id = $1 AND deleted_at IS NULL`, [id]))[0]
        .n as number;
    const expected =
      (await evidenceOf(into!.id)) + (await Promise.all(merged.map((claim) => evidenceOf(claim.id)))).reduce((a, b) => a + b);
    const deadlocksBefore = await deadlocks();

    const results = await Promise.all(
      merged.map((claim) =>
        gql(
          `mutation($input: MergeProposalInput!) { mergeProposal(input: $input) { __typename } }`,
          { input: { id: claim.id, expectedVersion: claim.version, intoId: into!.id } },
          editor.viewer,
        ),
      ),
    );

    expect(await deadlocks()).toBe(deadlocksBefore);
    expect(results.map((result) => result.errors)).toEqual(merged.map(() => undefined));
    expect(await evidenceOf(into!.id)).toBe(expected);
  });

  it('two entities merged into each other at once: one merge holds, the other is refused', async () => {
    const create = async (name: string) =>
      dataOf(
        await gql<any>(
          `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`,
          { input: { name, kind: 'ORGANIZATION', aliases: [] } },
          editor.viewer,
        ),
      ).createEntity as { id: string; version: number };
    const pairs = await Promise.all(Array.from({ length: 4 }, async (_, n) => [await create(`Left ${n}`), await create(`Right ${n}`)]));
    const merge = (winner: { id: string; version: number }, loser: { id: string; version: number }) =>
      gql(
        `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`,
        {
          input: {
            winnerId: winner.id,
            winnerExpectedVersion: winner.version,
            loserId: loser.id,
            loserExpectedVersion: loser.version,
            reason: 'The same organisation',
          },
        },
        editor.viewer,
      );
    const deadlocksBefore = await deadlocks();

    const results = await Promise.all(pairs.map(([left, right]) => Promise.all([merge(left!, right!), merge(right!, left!)])));

    expect(await deadlocks()).toBe(deadlocksBefore);
    for (const pair of results) expect(pair.map(errorCodes).sort()).toEqual([[], ['CONFLICT']]);
  });

  it('two sources quoting the same verified claims in opposite orders, corrected at once, both send every claim back with no deadlock', async () => {
    const as = async (user: TestUser, query: string, variables: Record<string, unknown>) =>
      dataOf(await gql<any>(query, variables, user.viewer));
    const sentences = Array.from(
      { length: 8 },
      (_, n) => `Harbour official number ${n + 1} said the ferry line ${n + 1} would reopen in spring.`,
    );
    const create = async (title: string, order: string[]) =>
      (
        await as(editor, `mutation($input: CreateSourceInput!) { createSource(input: $input) { id version } }`, {
          input: { title, text: order.join('\n\n'), language: 'en', kind: 'NEWS_ARTICLE' },
        })
      ).createSource as { id: string; version: number };
    const forwards = await create('Ferry lines reopen, the harbour says', sentences);
    const backwards = await create('Harbour says ferries return', [...sentences].reverse());
    const claims: string[] = [];
    for (const sentence of sentences) {
      const { createClaim } = await as(editor, `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, {
        input: {
          text: sentence,
          claimantLabel: 'a harbour official',
          attribution: 'REPORTED_SPEECH',
          modality: 'ASSERTED',
          evidence: [forwards, backwards].map((source) => ({ sourceId: source.id, selector: { exact: sentence } })),
        },
      });
      const submitted = (
        await as(
          editor,
          `mutation($id: ID!, $v: Int!) { submitForReview(input: { id: $id, expectedVersion: $v }) { ... on Claim { version } } }`,
          {
            id: createClaim.id,
            v: createClaim.version,
          },
        )
      ).submitForReview;
      await as(
        reviewer,
        `mutation($id: ID!, $v: Int!) { review(input: { id: $id, expectedVersion: $v, decision: VERIFY, comment: "ok" }) { __typename } }`,
        {
          id: createClaim.id,
          v: submitted.version,
        },
      );
      claims.push(createClaim.id);
    }
    // Every quote is reworded, so each correction writes every claim, the first source's in one order, the second's in the other.
    const correct = (source: { id: string; version: number }, order: string[]) =>
      gql<any>(
        `mutation($input: CorrectSourceTextInput!) { correctSourceText(input: $input) { fuzzy orphaned } }`,
        {
          input: {
            id: source.id,
            expectedVersion: source.version,
            text: order.map((sentence) => sentence.replace('would reopen', 'will reopen')).join('\n\n'),
            reason: 'Tense fixed',
          },
        },
        editor.viewer,
      );
    const deadlocksBefore = await deadlocks();

    const results = await Promise.all([correct(forwards, sentences), correct(backwards, [...sentences].reverse())]);

    expect(await deadlocks()).toBe(deadlocksBefore);
    expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
    expect(results.map((result) => result.data.correctSourceText.fuzzy + result.data.correctSourceText.orphaned)).toEqual([8, 8]);
    const pending = (await db.dataSource.query(
      `SELECT count(*)::int AS n FROM claims WHERE id = ANY($1) AND status = 'VERIFIED' AND re_review_pending_since IS NOT NULL`,
      [claims],
    )) as Array<{ n: number }>;
    expect(pending[0]!.n).toBe(claims.length);
  });
});
