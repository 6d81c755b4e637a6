import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { replayChanges } from '../src/core/revisions/diff.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { RECORDS } from '../src/modules/records.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { graphqlClient } from './support/graphql.js';

type Op =
  | { kind: 'createEntity'; name: string }
  | { kind: 'updateEntity'; pick: number; name: string; aliases: string[]; stale: boolean }
  | { kind: 'deleteEntity' | 'restoreEntity' | 'deleteClaim' | 'restoreClaim' | 'submit' | 'verify'; pick: number }
  | { kind: 'createClaim'; text: string; entities: number[] }
  | { kind: 'updateClaim'; pick: number; text: string; entities: number[]; link: number | null }
  | { kind: 'merge'; winner: number; loser: number }
  | { kind: 'revert'; pick: number };

const word = fc.string({ minLength: 1, maxLength: 12 }).filter((s) => s.trim().length > 0);
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('createEntity' as const), name: word }),
  fc.record({
    kind: fc.constant('updateEntity' as const),
    pick: fc.nat(),
    name: word,
    aliases: fc.array(word, { maxLength: 3 }),
    stale: fc.boolean(),
  }),
  fc.record({
    kind: fc.constantFrom(
      'deleteEntity' as const,
      'restoreEntity' as const,
      'deleteClaim' as const,
      'restoreClaim' as const,
      'submit' as const,
      'verify' as const,
    ),
    pick: fc.nat(),
  }),
  fc.record({ kind: fc.constant('createClaim' as const), text: word, entities: fc.array(fc.nat(), { maxLength: 3 }) }),
  fc.record({
    kind: fc.constant('updateClaim' as const),
    pick: fc.nat(),
    text: word,
    entities: fc.array(fc.nat(), { maxLength: 3 }),
    link: fc.option(fc.nat(), { nil: null }),
  }),
  fc.record({ kind: fc.constant('merge' as const), winner: fc.nat(), loser: fc.nat() }),
  fc.record({ kind: fc.constant('revert' as const), pick: fc.nat() }),
);

/** Errors a random sequence may rightly meet: refusals, never crashes. */
const EXPECTED = new Set(['BAD_USER_INPUT', 'CONFLICT', 'NOT_FOUND', 'FORBIDDEN']);

describe('any sequence of mutations (property)', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
  });
  afterAll(() => db.drop());

  const ids = async (table: string) =>
    (await db.dataSource.query(`SELECT id, version FROM "${table}" ORDER BY created_at, id`)) as Array<{ id: string; version: number }>;
  const pickFrom = <T>(list: T[], n: number) => (list.length ? list[n % list.length]! : null);

  async function apply(step: Op): Promise<void> {
    const entities = await ids('entities');
    const claims = await ids('claims');
    const as = step.kind === 'verify' ? reviewer.viewer : editor.viewer;
    const call = async (query: string, input: unknown) => {
      const result = await gql(query, { input }, as);
      for (const error of result.errors ?? []) {
        const code = (error.originalError as { code?: string } | undefined)?.code;
        if (!code || !EXPECTED.has(code)) throw error.originalError ?? error;
      }
    };
    const target = (list: typeof entities, n: number) => pickFrom(list, n) ?? { id: '00000000-0000-4000-8000-000000000000', version: 1 };
    switch (step.kind) {
      case 'createEntity':
        return call(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }`, { name: step.name, kind: 'OTHER' });
      case 'updateEntity': {
        const e = target(entities, step.pick);
        return call(`mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { id } }`, {
          id: e.id,
          expectedVersion: e.version - (step.stale ? 1 : 0),
          name: step.name,
          aliases: step.aliases,
        });
      }
      case 'deleteEntity':
      case 'restoreEntity': {
        const e = target(entities, step.pick);
        const name = step.kind === 'deleteEntity' ? 'deleteEntity(input: $input)' : 'restoreEntity(input: $input)';
        return call(`mutation($input: ${step.kind === 'deleteEntity' ? 'DeleteInput' : 'RestoreInput'}!) { ${name} { id } }`, {
          id: e.id,
          expectedVersion: e.version,
          reason: 'property test',
        });
      }
      case 'deleteClaim':
      case 'restoreClaim': {
        const c = target(claims, step.pick);
        const name = step.kind === 'deleteClaim' ? 'deleteClaim(input: $input)' : 'restoreClaim(input: $input)';
        return call(`mutation($input: ${step.kind === 'deleteClaim' ? 'DeleteInput' : 'RestoreInput'}!) { ${name} { id } }`, {
          id: c.id,
          expectedVersion: c.version,
          reason: 'property test',
        });
      }
      case 'createClaim':
        return call(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
          text: step.text,
          claimantLabel: 'someone',
          attribution: 'REPORTED_SPEECH',
          modality: 'ASSERTED',
          entityIds: step.entities.map((n) => target(entities, n).id),
        });
      case 'updateClaim': {
        const c = target(claims, step.pick);
        const link = step.link === null ? null : pickFrom(claims, step.link);
        return call(`mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { id } }`, {
          id: c.id,
          expectedVersion: c.version,
          text: step.text,
          entityIds: step.entities.map((n) => target(entities, n).id),
          links: link ? [{ type: 'SUPPORTS', toClaimId: link.id }] : [],
        });
      }
      case 'submit':
      case 'verify': {
        const c = target(claims, step.pick);
        return step.kind === 'submit'
          ? call(`mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { __typename } }`, {
              id: c.id,
              expectedVersion: c.version,
            })
          : call(`mutation($input: ReviewInput!) { review(input: $input) { __typename } }`, {
              id: c.id,
              expectedVersion: c.version,
              decision: 'VERIFY',
              comment: 'property test',
            });
      }
      case 'merge': {
        const w = target(entities, step.winner);
        const l = target(entities, step.loser);
        return call(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`, {
          winnerId: w.id,
          winnerExpectedVersion: w.version,
          loserId: l.id,
          loserExpectedVersion: l.version,
          reason: 'property test',
        });
      }
      case 'revert': {
        const revisions = (await db.dataSource.query(
          `SELECT r.id, t.version FROM revisions r JOIN claims t ON t.id = r.record_id ORDER BY r.id`,
        )) as Array<{ id: string; version: number }>;
        const revision = pickFrom(revisions, step.pick);
        if (!revision) return;
        return call(`mutation($input: RevertInput!) { revert(input: $input) { __typename } }`, {
          revisionId: revision.id,
          expectedVersion: revision.version,
        });
      }
    }
  }

  it('leaves every record equal to the replay of its revisions, and every chain verifying', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (steps) => {
        for (const step of steps) await apply(step);
        const revisions = await db.dataSource.manager.find(Revision, { order: { recordType: 'ASC', recordId: 'ASC', version: 'ASC' } });
        const byRecord = new Map<string, Revision[]>();
        for (const revision of revisions)
          byRecord.set(`${revision.recordType}/${revision.recordId}`, [
            ...(byRecord.get(`${revision.recordType}/${revision.recordId}`) ?? []),
            revision,
          ]);
        for (const history of byRecord.values()) {
          const kind = RECORDS[history[0]!.recordType];
          const current = await kind.loadState(db.dataSource.manager, history[0]!.recordId);
          expect(replayChanges(history.map((r) => r.changes))).toEqual(current);
          expect(history.at(-1)!.state).toEqual(current);
          const [row] = (await db.dataSource.query(`SELECT version FROM "${kind.table}" WHERE id = $1`, [history[0]!.recordId])) as Array<{
            version: number;
          }>;
          expect(row!.version).toBe(history.length);
        }
        expect((await new HistoryService(db.dataSource).verifyChains()).firstBreak).toBeNull();
      }),
      { numRuns: 12, seed: 20261128, endOnFailure: true },
    );
    // The sequences must have done real work, not only met refusals.
    const operations = (await db.dataSource.query(`SELECT DISTINCT operation FROM revisions`)) as Array<{ operation: string }>;
    expect(operations.map((o) => o.operation).sort()).toEqual(['CREATE', 'DELETE', 'MERGE', 'RESTORE', 'REVIEW', 'UPDATE']);
  });
});
