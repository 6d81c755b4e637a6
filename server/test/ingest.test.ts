import fs from 'node:fs';
import path from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { repoRoot } from '../src/paths.js';
import type { TestDatabase } from './support/database.js';
import { createEditor, createReviewer, newsArticleInput, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, type graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const SEED_TEXT = fs.readFileSync(path.join(repoRoot, 'seeds/000_644cae95aa9a28a1.txt'), 'utf8');
const IMPORT = `mutation($input: ImportSourceInput!) {
  importSource(input: $input) {
    source { id title currentRevision { id text reason actor } }
    duplicates { similarity source { title } }
    repeatedParagraphs claimsProposed eventsProposed newNames originalSha256 steps
  }
}`;
const PROPOSALS = `query($sourceId: ID!) {
  claims(filter: { sourceId: $sourceId, proposal: [PENDING] }, first: 100) { totalCount edges { node { id version text status proposal evidence { anchorStatus selector { start end } } } } }
  events(filter: { sourceId: $sourceId, proposal: [PENDING] }, first: 100) { totalCount edges { node { id title status start { date precision } timeExpression } } }
}`;

describe('importing a source', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let imported: any;
  useSeededDatabase((database, client) => {
    db = database;
    gql = client;
  });
  const count = async (table: string) => (await db.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  beforeAll(async () => {
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    imported = dataOf(
      await gql<any>(
        IMPORT,
        {
          input: {
            format: 'TEXT',
            content: SEED_TEXT,
            fileName: 'seed.txt',
            publishedAt: '2022-09-01',
            publishedPrecision: 'MONTH',
            publishedBasis: 'INFERRED_FROM_CONTENT',
            language: 'en',
            kind: 'NEWS_ARTICLE',
          },
        },
        editor.viewer,
      ),
    ).importSource;
  });

  it('flags that the seed article is already stored, and its paragraph printed twice, without dropping either', () => {
    expect(imported.duplicates).toEqual([
      { similarity: 1, source: { title: 'Myanmar and Russia: the Vladivostok meeting signals a rapprochement' } },
    ]);
    expect(imported.repeatedParagraphs).toBe(1);
    expect(imported.source.currentRevision.text).toBe(SEED_TEXT.trim());
    expect(imported.source.currentRevision.reason).toContain(`original sha256 ${imported.originalSha256}`);
    expect(imported.source.currentRevision.actor).toBe(`user:${editor.id}`);
  });

  it('proposes drafts, each anchored on its words and waiting for an editor, that cover the curated claims', async () => {
    const { claims, events } = dataOf(await gql<any>(PROPOSALS, { sourceId: imported.source.id }, editor.viewer));
    expect(claims.totalCount).toBe(imported.claimsProposed);
    expect(events.totalCount).toBe(imported.eventsProposed);
    expect(claims.totalCount).toBeGreaterThanOrEqual(30);
    for (const { node } of claims.edges) {
      expect(node).toMatchObject({ status: 'DRAFT', proposal: 'PENDING' });
      expect(node.evidence.map((e: any) => e.anchorStatus)).toEqual(['ANCHORED']);
    }
    expect(events.edges.map((e: any) => e.node)).toContainEqual(
      expect.objectContaining({ timeExpression: 'A month earlier', start: { date: '2022-08-01', precision: 'MONTH' } }),
    );

    const curated: Array<{ start_pos: number; end_pos: number }> = await db.dataSource.query(
      `SELECT ev.start_pos, ev.end_pos FROM evidence ev JOIN claims c ON c.id = ev.claim_id JOIN source_revisions sr ON sr.id = ev.source_revision_id
        JOIN sources s ON s.id = sr.source_id WHERE s.id <> $1 AND c.proposal IS NULL`,
      [imported.source.id],
    );
    const proposedSpans = claims.edges.flatMap((e: any) => e.node.evidence.map((ev: any) => ev.selector));
    const covered = curated.filter((c) =>
      proposedSpans.some(
        (p: any) => Math.min(p.end, c.end_pos) - Math.max(p.start, c.start_pos) >= 0.5 * Math.min(p.end - p.start, c.end_pos - c.start_pos),
      ),
    );
    expect(covered.length / curated.length).toBeGreaterThanOrEqual(0.9);
  });

  it('keeps proposals from client apps, and leaves notes for the editor on duplicates, repeats and new names', async () => {
    const { claims } = dataOf(
      await gql<any>(`query($id: ID!) { claims(filter: { sourceId: $id }) { totalCount } }`, { id: imported.source.id }, viewers.anonymous),
    );
    expect(claims.totalCount).toBe(0);
    const { annotations } = dataOf(
      await gql<any>(
        `query($id: ID!) { annotations(targetType: SOURCE, targetId: $id, first: 100) { edges { node { tags span { selector { exact } } } } } }`,
        { id: imported.source.id },
        editor.viewer,
      ),
    );
    const tags = annotations.edges.flatMap(({ node: a }: any) => a.tags);
    expect(tags).toEqual(expect.arrayContaining(['duplicate-source', 'repeated-paragraph', 'new-name']));
    expect(annotations.edges.find(({ node: a }: any) => a.tags.includes('repeated-paragraph')).node.span.selector.exact).toMatch(
      /^According to a presidential aide/,
    );
  });

  it('lets an editor accept, merge or discard a proposal, each written in the history', async () => {
    const { claims } = dataOf(await gql<any>(PROPOSALS, { sourceId: imported.source.id }, editor.viewer));
    const [first, second, third] = claims.edges.map((e: any) => e.node);
    const accepted = dataOf(
      await gql<any>(
        `mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) { ... on Claim { proposal version } } }`,
        { input: { id: first.id, expectedVersion: first.version } },
        editor.viewer,
      ),
    ).acceptProposal;
    expect(accepted).toEqual({ proposal: 'ACCEPTED', version: first.version + 1 });
    expect(
      errorCodes(
        await gql(
          `mutation($input: AcceptProposalInput!) { acceptProposal(input: $input) { __typename } }`,
          { input: { id: first.id, expectedVersion: first.version + 1 } },
          editor.viewer,
        ),
      ),
    ).toEqual(['BAD_USER_INPUT']);

    const target = (await db.dataSource.query(`SELECT c.id FROM claims c WHERE c.proposal IS NULL AND c.deleted_at IS NULL LIMIT 1`))[0].id;
    const evidenceBefore = await count(`evidence WHERE claim_id = '${target}'`);
    dataOf(
      await gql(
        `mutation($input: MergeProposalInput!) { mergeProposal(input: $input) { __typename } }`,
        { input: { id: second.id, expectedVersion: second.version, intoId: target, reason: 'Says what the seed claim says' } },
        editor.viewer,
      ),
    );
    expect(await count(`evidence WHERE claim_id = '${target}'`)).toBe(evidenceBefore + 1);

    dataOf(
      await gql(
        `mutation($input: DeleteInput!) { deleteClaim(input: $input) { id } }`,
        { input: { id: third.id, expectedVersion: third.version, reason: 'Discarded proposal: a fragment' } },
        editor.viewer,
      ),
    );
    const after = dataOf(await gql<any>(PROPOSALS, { sourceId: imported.source.id }, editor.viewer)).claims;
    expect(after.totalCount).toBe(claims.totalCount - 3);
    const history = async (id: string) =>
      (await db.dataSource.query(`SELECT operation, reason FROM revisions WHERE record_id = $1 ORDER BY version`, [id])).map(
        (r: any) => `${r.operation}: ${r.reason}`,
      );
    expect(await history(first.id)).toEqual([
      expect.stringMatching(/^CREATE: Proposed by the import of/),
      'UPDATE: Accepted the imported proposal',
    ]);
    expect(await history(second.id)).toEqual([expect.stringMatching(/^CREATE: /), 'DELETE: Says what the seed claim says']);
    expect(await history(third.id)).toEqual([expect.stringMatching(/^CREATE: /), 'DELETE: Discarded proposal: a fragment']);
  });

  it('reduces an HTML page to its article before recording it', async () => {
    const html = `<html><head><title>Talks in Naypyidaw</title></head><body><nav>Home | World</nav><article><h1>Talks in Naypyidaw</h1>
      <p>Sergei Lavrov met senior SAC leaders in Naypyidaw in August, officials said, and discussed energy and arms.</p>
      <p>According to a ministry spokesman, the two sides will sign an agreement next year in Moscow.</p></article><footer>Comments are closed.</footer></body></html>`;
    const report = dataOf(
      await gql<any>(
        IMPORT,
        {
          input: {
            format: 'HTML',
            content: html,
            publishedAt: '2022-09-01',
            publishedPrecision: 'MONTH',
            publishedBasis: 'STATED',
            language: 'en',
            kind: 'NEWS_ARTICLE',
          },
        },
        editor.viewer,
      ),
    ).importSource;
    expect(report.source.title).toBe('Talks in Naypyidaw');
    expect(report.source.currentRevision.text).not.toContain('Home | World');
    expect(report.steps.join(' ')).toMatch(/readability/);
    expect(report.claimsProposed).toBe(2);
    expect(report.eventsProposed).toBeGreaterThanOrEqual(2);
  });

  it('proposes a person the store does not know as an event participant by label, beside the entities it knows', async () => {
    const report = dataOf(
      await gql<any>(
        IMPORT,
        {
          input: newsArticleInput(
            'Talks in Moscow\n\nNgozi Okafor met Vladimir Putin in Moscow on Monday to discuss grain shipments.',
            '2022-09-07',
          ),
        },
        editor.viewer,
      ),
    ).importSource;
    expect(report.newNames).toContain('Ngozi Okafor');
    const { events } = dataOf(
      await gql<any>(
        `query($sourceId: ID!) { events(filter: { sourceId: $sourceId, proposal: [PENDING] }, first: 10) { edges { node { id status participants { role label entity { name } } } } } }`,
        { sourceId: report.source.id },
        editor.viewer,
      ),
    );
    const [meeting] = events.edges.map((edge: { node: any }) => edge.node);
    expect(meeting.status).toBe('DRAFT');
    expect(meeting.participants).toEqual(
      expect.arrayContaining([
        { role: 'AGENT', label: 'Ngozi Okafor', entity: null },
        { role: 'PARTICIPANT', label: null, entity: { name: 'Vladimir Putin' } },
      ]),
    );
    const [created] = (await db.dataSource.query(`SELECT state FROM revisions WHERE record_id = $1 ORDER BY version LIMIT 1`, [
      meeting.id,
    ])) as Array<{
      state: { participants: unknown[] };
    }>;
    expect(created!.state.participants).toContainEqual({ label: 'Ngozi Okafor', role: 'AGENT' });
  });

  it('refuses bad input with its field named and writes nothing; reviewers may not import', async () => {
    const before = await Promise.all(['sources', 'claims', 'events', 'revisions', 'annotations'].map(count));
    const refused = await gql(
      IMPORT,
      {
        input: {
          format: 'TEXT',
          content: 'A short text about nothing in particular, written for the test.',
          publishedAt: '2022-13-01',
          publishedPrecision: 'MONTH',
          publishedBasis: 'STATED',
          language: 'en',
          kind: 'NEWS_ARTICLE',
        },
      },
      editor.viewer,
    );
    expect(errorCodes(refused)).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(await gql(IMPORT, { input: { format: 'TEXT', content: '   ', language: 'en', kind: 'NEWS_ARTICLE' } }, editor.viewer)),
    ).toEqual(['BAD_USER_INPUT']);
    expect(
      errorCodes(
        await gql(IMPORT, { input: { format: 'TEXT', content: 'Some text.', language: 'en', kind: 'NEWS_ARTICLE' } }, reviewer.viewer),
      ),
    ).toEqual(['FORBIDDEN']);
    expect(await Promise.all(['sources', 'claims', 'events', 'revisions', 'annotations'].map(count))).toEqual(before);
  });
});
