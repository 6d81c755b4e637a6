import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { Role } from '../src/core/access/roles.js';
import { readPublicKey } from '../src/core/checkpoints/signing-key.js';
import type { Receipt } from '../src/core/receipts/receipt.js';
import { verifyReceipt } from '../src/core/receipts/verify.js';
import type { WriteContext } from '../src/core/revisions/record-writer.js';
import { ApiKeysService } from '../src/modules/users/api-keys.service.js';
import { SessionTokens } from '../src/modules/users/sessions.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createUser, type TestUser } from './support/factories.js';
import { startTestServer, type TestServer } from './support/http.js';

/** The correction issue 17 made in the seed article: a relative date made plain, and a machine-translation typo fixed. */
const EDITS = [
  ['A month earlier,', 'In early August,'],
  ['does not. always', 'does not always'],
] as const;
const REASON = 'Dated the Lavrov visit; removed a stray full stop';
const corrected = (words: string) => EDITS.reduce((text, [old, fixed]) => text.replace(old, fixed), words);

type Headers = Record<string, string>;

/** One CSV record's cells; the seed's texts hold commas and line feeds, never a straight double quote, so no quote is doubled. */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  for (let i = 0; i <= line.length;) {
    const end = line[i] === '"' ? line.indexOf('"', i + 1) + 1 : i;
    const comma = line.indexOf(',', end);
    const stop = comma < 0 ? line.length : comma;
    cells.push(line[i] === '"' ? line.slice(i + 1, end - 1) : line.slice(i, stop));
    i = stop + 1;
  }
  return cells;
}
interface Reworded {
  recordType: 'Claim' | 'Event';
  id: string;
  evidenceId: string;
  /** The words verified, on text 1. */
  verified: { exact: string; start: number; end: number };
  /** The words as the correction left them, on text 2. */
  now: { exact: string; start: number; end: number };
}

const EVIDENCE = `id anchorStatus asVerified selector { exact start end } sourceRevision { number } context(chars: 0) { exact }`;

describe('a correction that rewords verified records, as client apps and staff read them', () => {
  let db: TestDatabase;
  let server: TestServer;
  let corrector: TestUser;
  let reviewer: TestUser;
  const anonymous: Headers = {};
  let client: Headers;
  let correctorSession: Headers;
  let reviewerSession: Headers;
  let before: { claims: string[]; events: string[] };
  let feedCursor: string;
  let reworded: Reworded[];

  const gql = async (query: string, variables: Record<string, unknown> = {}, headers: Headers = anonymous) => {
    const { body } = (await server.post({ query, variables }, headers)) as { body: { data: any; errors?: unknown[] } };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const get = async (path: string, headers: Headers = anonymous) => {
    const response = await fetch(`${server.url}${path}`, { headers });
    return { status: response.status, text: await response.text() };
  };
  const published = async (headers: Headers) => {
    const data = await gql(
      `{ claims(first: 100) { totalCount edges { node { id } } } events(first: 100) { totalCount edges { node { id } } } }`,
      {},
      headers,
    );
    expect(data.claims.totalCount).toBe(data.claims.edges.length);
    return {
      claims: data.claims.edges.map((edge: any) => edge.node.id as string).sort(),
      events: data.events.edges.map((edge: any) => edge.node.id as string).sort(),
    };
  };
  /** The anonymous change feed read to its end from `after`: its changes, and where it ends. */
  const feed = async (after: string | null) => {
    const changes: Array<{ kind: string; recordType: string; recordId: string }> = [];
    let cursor = after;
    for (;;) {
      const { changes: page } = await gql(
        `query($after: String) { changes(after: $after, first: 100, recordTypes: [CLAIM, EVENT, EVIDENCE]) { changes { kind recordType recordId } cursor hasMore } }`,
        { after: cursor },
      );
      changes.push(...page.changes);
      cursor = page.cursor;
      if (!page.hasMore) return { changes, cursor: cursor! };
    }
  };

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    server = await startTestServer(db);
    corrector = await createUser(db.dataSource, [Role.EDITOR, Role.REVIEWER], 'cora-corrector');
    reviewer = await createUser(db.dataSource, [Role.REVIEWER], 'rene-reviewer');
    const tokens = new SessionTokens(server.config.auth.secret, 600);
    correctorSession = { authorization: `Bearer ${await tokens.issue(corrector.id, 0)}` };
    reviewerSession = { authorization: `Bearer ${await tokens.issue(reviewer.id, 0)}` };
    const admin: WriteContext = { actor: `user:${corrector.id}`, actorUserId: corrector.id, requestId: null };
    client = { authorization: `Bearer ${(await new ApiKeysService(db.dataSource).create(admin, { name: 'Newsroom app' })).key}` };

    before = await published(anonymous);
    expect(await published(client)).toEqual(before);
    feedCursor = (await feed(null)).cursor;

    const { sources } = await gql(`{ sources { edges { node { id version currentRevision { text } } } } }`, {}, correctorSession);
    const source = sources.edges[0].node;
    for (const [old] of EDITS) expect(source.currentRevision.text.split(old)).toHaveLength(2);
    const { correctSourceText: report } = await gql(
      `mutation($input: CorrectSourceTextInput!) { correctSourceText(input: $input) {
         anchored fuzzy orphaned
         reopened { __typename ... on Claim { id status reReview { note } } ... on Event { id status reReview { note } } }
         changes { status before { exact start end } after { exact start end } evidence { id } } } }`,
      { input: { id: source.id, expectedVersion: source.version, text: corrected(source.currentRevision.text), reason: REASON } },
      correctorSession,
    );
    expect(report).toMatchObject({ fuzzy: 3, orphaned: 0 });
    const publishedNow = report.reopened.filter((record: any) => record.status === 'VERIFIED');
    const fuzzy = report.changes.filter((change: any) => change.status === 'FUZZY');
    const owners = (await db.dataSource.query(`SELECT id, coalesce(claim_id, event_id) AS owner FROM evidence WHERE id = ANY($1)`, [
      fuzzy.map((change: any) => change.evidence.id),
    ])) as Array<{ id: string; owner: string }>;
    reworded = publishedNow.map((record: any) => {
      const change = fuzzy.find((each: any) => owners.find((owner) => owner.id === each.evidence.id)!.owner === record.id);
      return { recordType: record.__typename, id: record.id, evidenceId: change.evidence.id, verified: change.before, now: change.after };
    });
    // The issue's correction rewords three published records' quotes: two Lavrov events and one claim.
    expect(reworded.map((record) => record.recordType).sort()).toEqual(['Claim', 'Event', 'Event']);
  });
  afterAll(async () => {
    await server?.close();
    await db?.drop();
  });

  it('keeps every published record published for anonymous callers and client keys, on lists, by id, by node and in search', async () => {
    expect(await published(anonymous)).toEqual(before);
    expect(await published(client)).toEqual(before);
    for (const record of reworded) {
      const field = record.recordType === 'Claim' ? 'claim' : 'event';
      for (const headers of [anonymous, client]) {
        const data = await gql(
          `query($id: ID!) { ${field}(id: $id) { status reReview { since note } evidence { ${EVIDENCE} } }
             node(id: $id) { ... on ${record.recordType} { status evidence { id selector { exact } } } }
             evidence: node(id: "${record.evidenceId}") { ... on Evidence { ${EVIDENCE} } } }`,
          { id: record.id },
          headers,
        );
        const seen = data[field];
        expect(seen.status).toBe('VERIFIED');
        expect(seen.reReview.note).toBe('The source was corrected after verification; re-review pending.');
        const quote = seen.evidence.find((evidence: any) => evidence.id === record.evidenceId);
        // The words it was verified on, where they stand on the snapshot it was verified on.
        const asVerified = {
          id: record.evidenceId,
          anchorStatus: 'ANCHORED',
          asVerified: true,
          selector: record.verified,
          sourceRevision: { number: 1 },
          context: { exact: record.verified.exact },
        };
        expect(quote).toEqual(asVerified);
        expect(data.evidence).toEqual(asVerified);
        expect(data.node.evidence.find((evidence: any) => evidence.id === record.evidenceId).selector.exact).toBe(record.verified.exact);
      }
    }
    // Nested: a list's evidence (read in the page's statement), an event's claims' evidence, an entity's claims.
    const quotes = new Map<string, Set<string>>();
    const note = (evidence: any) => quotes.set(evidence.id, (quotes.get(evidence.id) ?? new Set()).add(evidence.selector.exact));
    for (const list of ['claims', 'events']) {
      const data = await gql(`{ ${list}(first: 100) { edges { node { id evidence { id anchorStatus selector { exact } } } } } }`);
      for (const { node } of data[list].edges) {
        node.evidence.forEach(note);
        for (const evidence of node.evidence) expect(evidence.anchorStatus, evidence.selector.exact).toBe('ANCHORED');
      }
    }
    const claim = reworded.find((record) => record.recordType === 'Claim')!;
    const { claim: found } = await gql(
      `query($id: ID!) { claim(id: $id) { text events { claims { id evidence { id selector { exact } } } } entities { id } } }`,
      {
        id: claim.id,
      },
    );
    for (const event of found.events) for (const each of event.claims) each.evidence.forEach(note);
    for (const entity of found.entities) {
      const { claims: about } = await gql(
        `query($id: ID!) { claims(first: 100, filter: { entityId: $id }) { edges { node { evidence { id selector { exact } } } } } }`,
        { id: entity.id },
      );
      for (const { node } of about.edges) node.evidence.forEach(note);
    }
    for (const record of reworded) expect([...quotes.get(record.evidenceId)!]).toEqual([record.verified.exact]);
    expect(found.events.length + found.entities.length).toBeGreaterThan(0);
    const { search } = await gql(`query($q: String!) { search(query: $q) { edges { node { record { ... on Claim { id } } } } } }`, {
      q: found.text,
    });
    expect(search.edges.map((edge: any) => edge.node.record?.id)).toContain(claim.id);
  });

  it('shows staff the evidence as the correction left it, and each reworded record in the review queue with why', async () => {
    for (const record of reworded) {
      const field = record.recordType === 'Claim' ? 'claim' : 'event';
      const data = await gql(
        `query($id: ID!) { ${field}(id: $id) { status reReview { note } evidence { ${EVIDENCE} } } }`,
        { id: record.id },
        reviewerSession,
      );
      expect(data[field].status).toBe('VERIFIED');
      expect(data[field].reReview).not.toBeNull();
      expect(data[field].evidence.find((evidence: any) => evidence.id === record.evidenceId)).toEqual({
        id: record.evidenceId,
        anchorStatus: 'FUZZY',
        asVerified: false,
        selector: record.now,
        sourceRevision: { number: 2 },
        context: { exact: record.now.exact },
      });
      expect(record.now.exact).not.toBe(record.verified.exact);
    }
    const { reviewQueue } = await gql(
      `{ reviewQueue(first: 100) { edges { node { sentBack submittedBy submittedReason lastVerifiedVersion record { ... on Claim { id } ... on Event { id } }
          evidenceChangesSinceVerified { before { exact } beforeStatus after { exact } afterStatus reason } } } } }`,
      {},
      reviewerSession,
    );
    for (const record of reworded) {
      const item = reviewQueue.edges.map((edge: any) => edge.node).find((node: any) => node.record.id === record.id);
      expect(item).toMatchObject({ sentBack: true, submittedBy: `user:${corrector.id}`, submittedReason: REASON });
      expect(item.lastVerifiedVersion).toEqual(expect.any(Number));
      expect(item.evidenceChangesSinceVerified).toEqual([
        {
          before: { exact: record.verified.exact },
          beforeStatus: 'ANCHORED',
          after: { exact: record.now.exact },
          afterStatus: 'FUZZY',
          reason: REASON,
        },
      ]);
    }
  });

  it('tells client apps through the change feed that the records changed, never that they disappeared', async () => {
    const { changes } = await feed(feedCursor);
    const ids = new Set(reworded.map((record) => record.id));
    expect(changes.filter((change) => ids.has(change.recordId)).map((change) => change.kind)).toEqual(['CHANGED', 'CHANGED', 'CHANGED']);
    expect(changes.filter((change) => change.kind === 'DISAPPEARED')).toEqual([]);
    expect(changes.filter((change) => change.recordType === 'Evidence')).toEqual([]);
  });

  it('exports the words as verified to client apps (CSV, Web Annotation, PROV, ClaimReview, /id/), and as corrected to staff', async () => {
    const claim = reworded.find((record) => record.recordType === 'Claim')!;
    const csvRow = async (headers: Headers) => {
      const { status, text } = await get(`/exports/claims.csv`, headers);
      expect(status).toBe(200);
      const [columns, ...rows] = text.split('\r\n').filter(Boolean).map(csvCells);
      const row = rows.find((cells) => cells[0] === claim.id)!;
      return { count: rows.length, cell: (column: string) => row[columns!.indexOf(column)] };
    };
    for (const headers of [anonymous, client]) {
      const { count, cell } = await csvRow(headers);
      expect(count).toBe(before.claims.length);
      expect([cell('quote'), cell('quote_start'), cell('quote_end'), cell('anchor_status'), cell('source_revision')]).toEqual([
        claim.verified.exact,
        String(claim.verified.start),
        String(claim.verified.end),
        'ANCHORED',
        '1',
      ]);
      expect(cell('re_review_pending_since')).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
    const forStaff = (await csvRow(correctorSession)).cell;
    expect([forStaff('quote'), forStaff('anchor_status'), forStaff('source_revision')]).toEqual([claim.now.exact, 'FUZZY', '2']);

    for (const headers of [anonymous, client]) {
      const annotations = JSON.parse((await get('/exports/evidence.jsonld', headers)).text)['@graph'] as any[];
      for (const record of reworded) {
        const annotation = annotations.find((node) => node.id.endsWith(record.evidenceId));
        expect(annotation.anchorStatus).toBe('ANCHORED');
        expect(annotation.target.selector[0].exact).toBe(record.verified.exact);
        expect(annotation.target.selector[1]).toEqual({
          type: 'TextPositionSelector',
          start: record.verified.start,
          end: record.verified.end,
        });
      }
      const provenance = (await get('/exports/provenance.jsonld', headers)).text;
      const claimReviews = (await get('/exports/claim-reviews.jsonld', headers)).text;
      for (const record of reworded) {
        expect(provenance).toContain(JSON.stringify(record.verified.exact));
        expect(provenance).not.toContain(JSON.stringify(record.now.exact));
      }
      expect(claimReviews).toContain(claim.id);
      const described = await get(`/id/evidence/${claim.evidenceId}`, { ...headers, accept: 'application/ld+json' });
      expect(described.status).toBe(200);
      expect(described.text).toContain(JSON.stringify(claim.verified.exact));
      expect(described.text).not.toContain(JSON.stringify(claim.now.exact));
    }
    const staffAnnotations = JSON.parse((await get('/exports/evidence.jsonld', correctorSession)).text)['@graph'] as any[];
    expect(staffAnnotations.find((node) => node.id.endsWith(claim.evidenceId)).target.selector[0].exact).toBe(claim.now.exact);
  });

  it('gives client apps a receipt whose quotes are the verified words, standing in the snapshot they were verified on', async () => {
    for (const record of reworded) {
      const kind = record.recordType === 'Claim' ? 'claims' : 'events';
      const { status, text } = await get(`/receipts/${kind}/${record.id}?snapshots=1`);
      expect(status).toBe(200);
      const receipt = JSON.parse(text) as Receipt;
      const quote = receipt.evidence.find((evidence) => evidence.id === record.evidenceId)!;
      expect(quote).toMatchObject({ anchorStatus: 'ANCHORED', asVerified: true });
      expect(quote.selector[0].exact).toBe(record.verified.exact);
      expect(receipt.snapshots.find((snapshot) => snapshot.id === quote.snapshot)!.number).toBe(1);
      // No checkpoint is signed in this test: coverage is all the receipt lacks.
      const publicKey = readPublicKey(await (await fetch(`${server.url}/exports/checkpoints/public-key`)).text());
      expect(verifyReceipt(receipt, publicKey).failures.map((failure) => failure.check)).toEqual(['coverage']);
    }
  });

  it('lets another reviewer judge a reworded record again: verified, clients read the words as corrected; disputed, clients stop seeing it', async () => {
    const [verifyIt, disputeIt] = reworded;
    const field = (record: Reworded) => (record.recordType === 'Claim' ? 'claim' : 'event');
    const version = async (record: Reworded) =>
      (await gql(`query($id: ID!) { ${field(record)}(id: $id) { version } }`, { id: record.id }, reviewerSession))[field(record)].version;
    const REVIEW = `mutation($input: ReviewInput!) { review(input: $input) { ... on Claim { status reReview { note } } ... on Event { status reReview { note } } } }`;
    const review = (record: Reworded, decision: string, headers: Headers) =>
      server.post(
        { query: REVIEW, variables: { input: { id: record.id, expectedVersion: 0, decision, comment: 'Read the corrected words' } } },
        headers,
      );
    // Four-eyes: whoever corrected the words may not judge the records resting on them.
    const own = await server.post(
      {
        query: REVIEW,
        variables: { input: { id: verifyIt!.id, expectedVersion: await version(verifyIt!), decision: 'VERIFY', comment: 'Mine' } },
      },
      correctorSession,
    );
    expect((own.body as any).errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await review(verifyIt!, 'VERIFY', reviewerSession)).body).toMatchObject({ errors: [{ extensions: { code: 'CONFLICT' } }] });

    const verified = await gql(
      REVIEW,
      { input: { id: verifyIt!.id, expectedVersion: await version(verifyIt!), decision: 'VERIFY', comment: 'The corrected words hold' } },
      reviewerSession,
    );
    expect(verified.review).toEqual({ status: 'VERIFIED', reReview: null });
    const read = await gql(`query($id: ID!) { ${field(verifyIt!)}(id: $id) { reReview { note } evidence { ${EVIDENCE} } } }`, {
      id: verifyIt!.id,
    });
    expect(read[field(verifyIt!)].reReview).toBeNull();
    expect(read[field(verifyIt!)].evidence.find((evidence: any) => evidence.id === verifyIt!.evidenceId)).toMatchObject({
      asVerified: false,
      selector: verifyIt!.now,
      sourceRevision: { number: 2 },
    });
    // Letting the kept words go is the reviewer's verdict, not a change of content: they may judge the record again.
    const [settled] = (await db.dataSource.query(
      `SELECT e.verified_quote, r.operation, r.actor FROM evidence e JOIN revisions r ON r.record_id = e.id WHERE e.id = $1 ORDER BY r.version DESC LIMIT 1`,
      [verifyIt!.evidenceId],
    )) as Array<{ verified_quote: unknown; operation: string; actor: string }>;
    expect(settled).toEqual({ verified_quote: null, operation: 'REVIEW', actor: `user:${reviewer.id}` });
    const retracted = await gql(
      REVIEW,
      { input: { id: verifyIt!.id, expectedVersion: await version(verifyIt!), decision: 'RETRACT', comment: 'Withdrawn after all' } },
      reviewerSession,
    );
    expect(retracted.review.status).toBe('RETRACTED');

    await gql(
      REVIEW,
      { input: { id: disputeIt!.id, expectedVersion: await version(disputeIt!), decision: 'DISPUTE', comment: 'The date does not hold' } },
      reviewerSession,
    );
    const after = await published(anonymous);
    const kind = disputeIt!.recordType === 'Claim' ? 'claims' : 'events';
    expect(after[kind]).toEqual(before[kind].filter((id) => id !== disputeIt!.id));
    const { reviewQueue } = await gql(
      `{ reviewQueue(first: 100) { edges { node { record { ... on Claim { id } ... on Event { id } } } } } }`,
      {},
      reviewerSession,
    );
    const waiting = reviewQueue.edges.map((edge: any) => edge.node.record.id);
    expect(waiting).not.toContain(verifyIt!.id);
    expect(waiting).not.toContain(disputeIt!.id);
    expect(waiting).toContain(reworded[2]!.id);
  });

  it('keeps a record published as last verified while an editor confirms its reworded words, and the confirmer may not judge it', async () => {
    const waiting = reworded[2]!;
    const { node } = await gql(
      `query($id: ID!) { node(id: $id) { ... on Evidence { version } } }`,
      { id: waiting.evidenceId },
      reviewerSession,
    );
    const { confirmEvidence } = await gql(
      `mutation($input: ConfirmEvidenceInput!) { confirmEvidence(input: $input) { anchorStatus asVerified selector { exact } } }`,
      { input: { id: waiting.evidenceId, expectedVersion: node.version } },
      correctorSession,
    );
    expect(confirmEvidence).toEqual({ anchorStatus: 'ANCHORED', asVerified: false, selector: { exact: waiting.now.exact } });
    const field = waiting.recordType === 'Claim' ? 'claim' : 'event';
    const seen = await gql(
      `query($id: ID!) { ${field}(id: $id) { status reReview { note } evidence { id selector { exact } asVerified } } }`,
      {
        id: waiting.id,
      },
    );
    expect(seen[field]).toMatchObject({ status: 'VERIFIED', reReview: { note: expect.any(String) } });
    expect(seen[field].evidence.find((evidence: any) => evidence.id === waiting.evidenceId)).toEqual({
      id: waiting.evidenceId,
      selector: { exact: waiting.verified.exact },
      asVerified: true,
    });
  });
});
