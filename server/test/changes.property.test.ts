import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Viewer } from '../src/core/access/viewer.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { dataOf, graphqlClient, viewers } from './support/graphql.js';

type Step =
  | { kind: 'createEntity' | 'createClaim'; name: string }
  | { kind: 'updateEntity' | 'updateClaim'; pick: number; name: string }
  | { kind: 'deleteEntity' | 'restoreEntity' | 'deleteClaim' | 'restoreClaim' | 'submit'; pick: number }
  | { kind: 'review'; pick: number; decision: 'VERIFY' | 'DISPUTE' | 'REJECT' | 'RETRACT' }
  | { kind: 'sync'; role: number; pageSize: number };

const word = fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s.trim().length > 0);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('createEntity' as const, 'createClaim' as const), name: word }),
  fc.record({ kind: fc.constantFrom('updateEntity' as const, 'updateClaim' as const), pick: fc.nat(), name: word }),
  fc.record({
    kind: fc.constantFrom(
      'deleteEntity' as const,
      'restoreEntity' as const,
      'deleteClaim' as const,
      'restoreClaim' as const,
      'submit' as const,
    ),
    pick: fc.nat(),
  }),
  // Reviews weigh more: the workflow is where records appear and disappear for client apps.
  fc.record({
    kind: fc.constant('review' as const),
    pick: fc.nat(),
    decision: fc.constantFrom('VERIFY' as const, 'DISPUTE' as const, 'REJECT' as const, 'RETRACT' as const),
  }),
  fc.record({ kind: fc.constant('review' as const), pick: fc.nat(), decision: fc.constant('VERIFY' as const) }),
  fc.record({ kind: fc.constant('sync' as const), role: fc.nat(), pageSize: fc.integer({ min: 1, max: 7 }) }),
);

const ROLES = { anonymous: viewers.anonymous, client: viewers.client, editor: viewers.editor, reviewer: viewers.reviewer } as const;
const ROLE_NAMES = Object.keys(ROLES) as Array<keyof typeof ROLES>;

interface FeedChange {
  cursor: string;
  kind: 'APPEARED' | 'CHANGED' | 'DISAPPEARED';
  recordType: string;
  recordId: string;
  version: number;
}

/** A client mirroring what it may read from the feed alone: per record, the change with the highest version. */
class Mirror {
  cursor: string | null = null;
  readonly latest = new Map<string, FeedChange>();

  constructor(readonly viewer: Viewer) {}

  apply(changes: FeedChange[]): void {
    for (const change of changes) {
      const key = `${change.recordType}/${change.recordId}`;
      if ((this.latest.get(key)?.version ?? 0) < change.version) this.latest.set(key, change);
    }
  }

  holds(): string[] {
    return [...this.latest.values()]
      .filter((change) => change.kind !== 'DISAPPEARED')
      .map((change) => `${change.recordType}/${change.recordId}@${change.version}`)
      .sort();
  }
}

interface Page {
  edges: Array<{ node: { id: string; version: number } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** Errors a random sequence may rightly meet: refusals, never crashes. */
const EXPECTED = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

describe('the change feed (property)', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  /** Decisions taken and changes met across the runs: the histories must reach each kind of change. */
  const seen = new Set<string>();

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
  });
  afterAll(() => db.drop());

  const rows = async (table: string, statuses?: string[]) =>
    (await db.dataSource.query(
      `SELECT id, version FROM "${table}" ${statuses ? 'WHERE status = ANY($1::text[])' : ''} ORDER BY created_at, id`,
      statuses ? [statuses] : [],
    )) as Array<{ id: string; version: number }>;
  const NOWHERE = { id: '00000000-0000-4000-8000-000000000000', version: 1 };
  const pick = (list: Array<{ id: string; version: number }>, n: number) => (list.length ? list[n % list.length]! : NOWHERE);

  async function call(query: string, input: unknown, as: Viewer): Promise<void> {
    const result = await gql(query, { input }, as);
    for (const error of result.errors ?? []) {
      const code = (error.originalError as { code?: string } | undefined)?.code;
      if (!code || !EXPECTED.has(code)) throw error.originalError ?? error;
    }
  }

  async function write(s: Exclude<Step, { kind: 'sync' }>): Promise<void> {
    const entities = await rows('entities');
    const claims = await rows('claims');
    const as = editor.viewer;
    switch (s.kind) {
      case 'createEntity':
        return call(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }`, { name: s.name, kind: 'OTHER' }, as);
      case 'createClaim':
        return call(
          `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`,
          { text: s.name, claimantLabel: 'someone', attribution: 'REPORTED_SPEECH', modality: 'ASSERTED' },
          as,
        );
      case 'updateEntity': {
        const e = pick(entities, s.pick);
        return call(
          `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { id } }`,
          { id: e.id, expectedVersion: e.version, name: s.name },
          as,
        );
      }
      case 'updateClaim': {
        const c = pick(claims, s.pick);
        return call(
          `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`,
          { id: c.id, expectedVersion: c.version, text: s.name },
          as,
        );
      }
      case 'deleteEntity':
      case 'restoreEntity':
      case 'deleteClaim':
      case 'restoreClaim': {
        const target = pick(s.kind.endsWith('Entity') ? entities : claims, s.pick);
        const input = s.kind.startsWith('delete') ? 'DeleteInput' : 'RestoreInput';
        return call(
          `mutation($input: ${input}!) { ${s.kind}(input: $input) { id } }`,
          { id: target.id, expectedVersion: target.version, reason: 'property test' },
          as,
        );
      }
      case 'submit': {
        const c = pick(await rows('claims', ['DRAFT', 'DISPUTED', 'REJECTED']), s.pick);
        return call(
          `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { __typename } }`,
          { id: c.id, expectedVersion: c.version },
          as,
        );
      }
      case 'review': {
        const c = pick(await rows('claims', [s.decision === 'RETRACT' ? 'VERIFIED' : 'IN_REVIEW']), s.pick);
        seen.add(s.decision);
        return call(
          `mutation($input: ReviewInput!) { review(input: $input) { __typename } }`,
          { id: c.id, expectedVersion: c.version, decision: s.decision, comment: 'property test' },
          reviewer.viewer,
        );
      }
    }
  }

  async function sync(mirror: Mirror, pageSize: number): Promise<void> {
    for (;;) {
      const { changes } = dataOf(
        await gql<{ changes: { changes: FeedChange[]; cursor: string; hasMore: boolean } }>(
          `query($after: String, $first: Int) { changes(after: $after, first: $first, recordTypes: [CLAIM, ENTITY]) { changes { cursor kind recordType recordId version } cursor hasMore } }`,
          { after: mirror.cursor, first: pageSize },
          mirror.viewer,
        ),
      );
      expect(changes.changes.length).toBeLessThanOrEqual(pageSize);
      mirror.apply(changes.changes);
      mirror.cursor = changes.cursor;
      if (!changes.hasMore) return;
    }
  }

  async function freshRead(viewer: Viewer): Promise<string[]> {
    const held: string[] = [];
    for (const [field, type] of [
      ['claims', 'CLAIM'],
      ['entities', 'ENTITY'],
    ] as const) {
      let after: string | null = null;
      for (;;) {
        const page: Page = dataOf(
          await gql<Record<string, Page>>(
            `query($after: String) { ${field}(first: 100, after: $after) { edges { node { id version } } pageInfo { hasNextPage endCursor } } }`,
            { after },
            viewer,
          ),
        )[field]!;
        held.push(...page.edges.map(({ node }) => `${type}/${node.id}@${node.version}`));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
    }
    return held.sort();
  }

  it('replayed from the start, with reads between the writes, holds for every role exactly what a fresh read gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 5, maxLength: 30 }), async (steps) => {
        const mirrors = ROLE_NAMES.map((role) => new Mirror(ROLES[role]));
        for (const s of steps) {
          if (s.kind === 'sync') await sync(mirrors[s.role % mirrors.length]!, s.pageSize);
          else await write(s);
        }
        for (const [i, mirror] of mirrors.entries()) {
          await sync(mirror, 1 + (i % 4) * 30);
          for (const change of mirror.latest.values()) seen.add(`${ROLE_NAMES[i]} ${change.kind}`);
          expect({ role: ROLE_NAMES[i], holds: mirror.holds() }).toEqual({ role: ROLE_NAMES[i], holds: await freshRead(mirror.viewer) });
        }
      }),
      { numRuns: 25 },
    );
    // The histories reached every kind of change, for client apps too.
    expect([...seen].sort()).toEqual(
      expect.arrayContaining(['anonymous APPEARED', 'anonymous DISAPPEARED', 'client CHANGED', 'editor DISAPPEARED', 'REJECT', 'RETRACT']),
    );
  });
});
