import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { replayChanges } from '../src/core/revisions/diff.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { ClaimRecord } from '../src/modules/claims/claim.entity.js';
import { EventRecord } from '../src/modules/events/event.entity.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient } from './support/graphql.js';

describe('mergeEntities', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  const run = <T = any>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, editor.viewer);
  const entity = async (name: string, aliases: string[], wikidata?: string) =>
    dataOf(
      await run(`mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`, {
        input: { name, kind: 'ORGANIZATION', aliases, externalIds: wikidata ? [{ scheme: 'wikidata', value: wikidata }] : [] },
      }),
    ).createEntity as { id: string; version: number };

  beforeAll(async () => {
    db = await createTestDatabase();
    gql = graphqlClient(db.dataSource);
    editor = await createEditor(db.dataSource);
    await run(`mutation { createEventType: createEntity(input: { name: "placeholder", kind: OTHER }) { id } }`);
  });
  afterAll(() => db.drop());

  it('leaves the loser as a redirect, moves every reference to the winner, and gives each record it touched a MERGE revision', async () => {
    const winner = await entity('Tatmadaw', ['Myanmar armed forces'], 'Q1327716');
    const loser = await entity("Myanmar's armed forces", ['the military']);
    const other = await entity('Russian Armed Forces', []);
    await db.dataSource.query(`INSERT INTO event_types (id, code, label) VALUES (gen_random_uuid(), 'MEETING', 'Meeting')`);
    const { createClaim } = dataOf(
      await run(`mutation($input: CreateClaimInput!) { createClaim(input: $input) { id } }`, {
        input: {
          text: 'The armed forces want jets.',
          claimantId: loser.id,
          attribution: 'DIRECT_QUOTE',
          modality: 'ASSERTED',
          entityIds: [loser.id, other.id],
        },
      }),
    );
    const { createEvent } = dataOf(
      await run(`mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`, {
        input: {
          title: 'Staff talks',
          type: 'MEETING',
          modality: 'OCCURRED',
          participants: [
            { entityId: loser.id, role: 'AGENT' },
            { entityId: winner.id, role: 'AGENT' },
            { entityId: other.id, role: 'TARGET' },
          ],
        },
      }),
    );
    const { mergeEntities } = dataOf(
      await run(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id name aliases wikidataId } }`, {
        input: {
          winnerId: winner.id,
          winnerExpectedVersion: winner.version,
          loserId: loser.id,
          loserExpectedVersion: loser.version,
          reason: 'Same organisation',
        },
      }),
    );
    expect(mergeEntities).toEqual({
      id: winner.id,
      name: 'Tatmadaw',
      aliases: ['Myanmar armed forces', "Myanmar's armed forces", 'the military'],
      wikidataId: 'Q1327716',
    });
    const { entity: redirect } = dataOf(await run(`query($id: ID!) { entity(id: $id) { name mergedInto { id } } }`, { id: loser.id }));
    expect(redirect).toEqual({ name: "Myanmar's armed forces", mergedInto: { id: winner.id } });
    const { entities } = dataOf(await run(`{ entities(first: 100) { edges { node { id } } } }`));
    expect(entities.edges.map((e: any) => e.node.id)).not.toContain(loser.id);
    const { claim } = dataOf(await run(`query($id: ID!) { claim(id: $id) { claimant { id } entities { id } } }`, { id: createClaim.id }));
    expect(claim.claimant.id).toBe(winner.id);
    expect(claim.entities.map((e: any) => e.id).sort()).toEqual([winner.id, other.id].sort());
    const { event } = dataOf(
      await run(`query($id: ID!) { event(id: $id) { participants { role entity { id } } } }`, { id: createEvent.id }),
    );
    expect(event.participants).toHaveLength(2);
    for (const [recordId, kind] of [
      [createClaim.id, ClaimRecord],
      [createEvent.id, EventRecord],
    ] as const) {
      const history = await db.dataSource.manager.find(Revision, { where: { recordId }, order: { version: 'ASC' } });
      expect(history.at(-1)).toMatchObject({ operation: 'MERGE', reason: 'Same organisation' });
      const replayed = replayChanges(history.map((r) => r.changes));
      expect(replayed).toEqual(await kind.loadState(db.dataSource.manager, recordId));
    }
  });

  it('refuses to merge an entity into itself, or one already merged, and leaves no trace', async () => {
    const a = await entity('A corp', []);
    const b = await entity('B corp', []);
    const before = await db.dataSource.manager.count(Revision);
    expect(
      errorCodes(
        await run(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`, {
          input: { winnerId: a.id, winnerExpectedVersion: 1, loserId: a.id, loserExpectedVersion: 1, reason: 'x' },
        }),
      ),
    ).toEqual(['BAD_USER_INPUT']);
    dataOf(
      await run(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`, {
        input: { winnerId: a.id, winnerExpectedVersion: 1, loserId: b.id, loserExpectedVersion: 1, reason: 'Same' },
      }),
    );
    const count = await db.dataSource.manager.count(Revision);
    expect(count).toBe(before + 2);
    const again = await run(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`, {
      input: { winnerId: a.id, winnerExpectedVersion: 2, loserId: b.id, loserExpectedVersion: 2, reason: 'Same' },
    });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
    const stale = await run(`mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`, {
      input: { winnerId: b.id, winnerExpectedVersion: 2, loserId: a.id, loserExpectedVersion: 1, reason: 'x' },
    });
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(await db.dataSource.manager.count(Revision)).toBe(count);
  });
});
