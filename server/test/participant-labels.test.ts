import { beforeAll, describe, expect, it } from 'vitest';

import { replayChanges } from '../src/core/revisions/diff.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { EventRecord } from '../src/modules/events/event.entity.js';
import type { TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { dataOf, errorCodes, type graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const FIELDS = 'id version status participants { role label entity { id name } }';
const CREATE = `mutation($input: CreateEventInput!) { createEvent(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($input: UpdateEventInput!) { updateEvent(input: $input) { ${FIELDS} } }`;
const READ = `query($id: ID!, $asOf: DateTimeISO) { event(id: $id, asOf: $asOf) { ${FIELDS} } }`;

/** An event's participant may be a label for someone not yet in the store, as a claim's claimant may. */
describe('event participants named by a label', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;
  let editor: TestUser;
  let reviewer: TestUser;
  let entities: Array<{ id: string; name: string; version: number }>;

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  beforeAll(async () => {
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    entities = (await db.dataSource.query(
      `SELECT id, name, version FROM entities WHERE deleted_at IS NULL AND merged_into_id IS NULL ORDER BY id LIMIT 3`,
    )) as typeof entities;
  });

  const asEditor = <T = any>(query: string, variables: Record<string, unknown> = {}) => gql<T>(query, variables, editor.viewer);
  const revisionsOf = (recordId: string) => db.dataSource.manager.find(Revision, { where: { recordId }, order: { version: 'ASC' } });
  const fieldsOf = (result: { errors?: readonly { originalError?: unknown }[] }) =>
    ((result.errors?.[0]?.originalError as { details?: { fields?: Array<{ field: string }> } })?.details?.fields ?? []).map((f) => f.field);
  const counts = async () =>
    (
      (await db.dataSource.query(
        `SELECT (SELECT count(*) FROM events)::int AS events, (SELECT count(*) FROM event_participants)::int AS participants, (SELECT count(*) FROM revisions)::int AS revisions`,
      )) as Array<Record<string, number>>
    )[0];
  const newEvent = (participants: unknown[], title = 'Talks in the capital') => ({
    title,
    type: 'MEETING',
    modality: 'OCCURRED',
    participants,
    reason: 'From a source',
  });

  it('creates and updates an event with label participants beside entity ones, each revision holding the state as stored', async () => {
    const created = dataOf(
      await asEditor<any>(CREATE, {
        input: newEvent([
          { entityId: entities[0]!.id, role: 'AGENT' },
          { label: '  Ngozi   Okafor ', role: 'PARTICIPANT' },
        ]),
      }),
    ).createEvent;
    expect(created.participants).toEqual(
      expect.arrayContaining([
        { role: 'AGENT', label: null, entity: { id: entities[0]!.id, name: entities[0]!.name } },
        { role: 'PARTICIPANT', label: 'Ngozi Okafor', entity: null },
      ]),
    );
    expect(created.participants).toHaveLength(2);
    const [first] = await revisionsOf(created.id);
    // An entity participant is written as before a label could stand: no `label` key, so older states compare equal.
    expect(first!.state.participants).toEqual([
      { label: 'Ngozi Okafor', role: 'PARTICIPANT' },
      { entityId: entities[0]!.id, role: 'AGENT' },
    ]);

    const edits = [
      [
        { label: 'Ngozi Okafor', role: 'PARTICIPANT' },
        { label: 'Ngozi Okafor', role: 'HOST' },
        { label: 'the port authority', role: 'TARGET' },
      ],
      [
        { label: 'the port authority', role: 'TARGET' },
        { entityId: entities[1]!.id, role: 'AGENT' },
      ],
      [],
    ];
    let version = created.version;
    for (const participants of edits) {
      const before = await EventRecord.loadState(db.dataSource.manager, created.id);
      const { updateEvent } = dataOf(
        await asEditor<any>(UPDATE, { input: { id: created.id, expectedVersion: version, participants, reason: 'Corrected' } }),
      );
      version = updateEvent.version;
      const { event } = dataOf(await asEditor<any>(READ, { id: created.id }));
      expect(updateEvent).toEqual(event);
      expect(event.participants).toHaveLength(participants.length);
      const stored = await EventRecord.loadState(db.dataSource.manager, created.id);
      const [previous, last] = (await revisionsOf(created.id)).slice(-2);
      expect(last!.state).toEqual(stored);
      expect(previous!.state).toEqual(before);
      expect(last!.changes.participants).toEqual({ before: before!.participants, after: stored!.participants });
      const rows = (await db.dataSource.query(`SELECT count(*)::int AS n FROM event_participants WHERE event_id = $1`, [
        created.id,
      ])) as Array<{
        n: number;
      }>;
      expect(rows[0]!.n).toBe(participants.length);
    }
    // Invariant 2: the revisions replayed give the current state.
    const history = await revisionsOf(created.id);
    expect(replayChanges(history.map((r) => r.changes))).toEqual(await EventRecord.loadState(db.dataSource.manager, created.id));
  });

  it('refuses a participant with both an entity and a label, or neither, or a blank or over-long label, leaving no trace', async () => {
    const before = await counts();
    const refusals: Array<[unknown, string]> = [
      [{ entityId: entities[0]!.id, label: 'Ngozi Okafor', role: 'AGENT' }, 'participants[0]'],
      [{ role: 'AGENT' }, 'participants[0]'],
      [{ entityId: null, label: null, role: 'AGENT' }, 'participants[0]'],
      [{ label: '   ', role: 'AGENT' }, 'participants[0].label'],
      [{ label: 'x'.repeat(301), role: 'AGENT' }, 'participants[0].label'],
    ];
    for (const [participant, field] of refusals) {
      const result = await asEditor(CREATE, { input: newEvent([participant]) });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(fieldsOf(result)).toEqual([field]);
      expect(result.errors![0]!.message + JSON.stringify(result.errors![0]!.extensions)).toMatch(
        field.endsWith('label') ? /characters|empty/ : /either an entity \(entityId\) or a label/,
      );
    }
    const twice = await asEditor(CREATE, {
      input: newEvent([
        { label: 'Ngozi Okafor', role: 'AGENT' },
        { label: ' Ngozi  Okafor', role: 'AGENT' },
      ]),
    });
    expect(errorCodes(twice)).toEqual(['BAD_USER_INPUT']);
    expect(fieldsOf(twice)).toEqual(['participants[1]']);

    const { createEvent } = dataOf(await asEditor<any>(CREATE, { input: newEvent([{ label: 'Ngozi Okafor', role: 'AGENT' }]) }));
    const mid = await counts();
    const update = await asEditor(UPDATE, {
      input: {
        id: createEvent.id,
        expectedVersion: 1,
        participants: [{ entityId: entities[0]!.id, label: 'Ngozi Okafor', role: 'AGENT' }],
      },
    });
    expect(errorCodes(update)).toEqual(['BAD_USER_INPUT']);
    expect(await counts()).toEqual(mid);
    expect(mid).toEqual({ events: before!.events + 1, participants: before!.participants + 1, revisions: before!.revisions + 1 });
  });

  it('reads a record with label participants as it was at each past moment (asOf)', async () => {
    const pause = () => new Promise((resolve) => setTimeout(resolve, 20));
    const { createEvent } = dataOf(await asEditor<any>(CREATE, { input: newEvent([{ label: 'the harbour master', role: 'AGENT' }]) }));
    await pause();
    const afterCreate = new Date();
    await pause();
    dataOf(
      await asEditor(UPDATE, {
        input: {
          id: createEvent.id,
          expectedVersion: 1,
          participants: [
            { entityId: entities[2]!.id, role: 'AGENT' },
            { label: 'the harbour master', role: 'TARGET' },
          ],
        },
      }),
    );
    const at = async (asOf: Date | null) => dataOf(await asEditor<any>(READ, { id: createEvent.id, asOf })).event;
    expect((await at(afterCreate)).participants).toEqual([{ role: 'AGENT', label: 'the harbour master', entity: null }]);
    const now = await at(null);
    // A past state lists participants in the state's order, a live read in the table's (by role): the same set.
    const { participants, ...rest } = await at(new Date());
    expect({ ...rest, participants: now.participants }).toEqual(now);
    expect(participants).toEqual(expect.arrayContaining(now.participants));
    expect(participants).toHaveLength(now.participants.length);
    expect(now.participants).toHaveLength(2);
    expect(now.participants).toContainEqual({ role: 'TARGET', label: 'the harbour master', entity: null });
  });

  it('shows label participants to the public only once the event is verified, and keeps them through a merge of entities', async () => {
    const { createEvent } = dataOf(
      await asEditor<any>(CREATE, {
        input: newEvent(
          [
            { entityId: entities[0]!.id, role: 'AGENT' },
            { label: 'a delegation of fishermen', role: 'PARTICIPANT' },
          ],
          'A visit to the coast',
        ),
      }),
    );
    expect(dataOf(await gql<any>(READ, { id: createEvent.id }, viewers.anonymous)).event).toBeNull();
    const filtered = async (viewer = viewers.anonymous) =>
      dataOf(
        await gql<any>(
          `query($e: ID!) { events(first: 100, filter: { entityId: $e }) { edges { node { id } } } }`,
          { e: entities[0]!.id },
          viewer,
        ),
      ).events.edges.map((edge: { node: { id: string } }) => edge.node.id);
    expect(await filtered(editor.viewer)).toContain(createEvent.id);
    expect(await filtered()).not.toContain(createEvent.id);

    dataOf(
      await asEditor(`mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { __typename } }`, {
        input: { id: createEvent.id, expectedVersion: 1, comment: 'Please check' },
      }),
    );
    dataOf(
      await gql(
        `mutation($input: ReviewInput!) { review(input: $input) { __typename } }`,
        { input: { id: createEvent.id, expectedVersion: 2, decision: 'VERIFY', comment: 'Holds' } },
        reviewer.viewer,
      ),
    );
    const published = dataOf(await gql<any>(READ, { id: createEvent.id }, viewers.anonymous)).event;
    expect(published.participants).toContainEqual({ role: 'PARTICIPANT', label: 'a delegation of fishermen', entity: null });
    expect(await filtered()).toContain(createEvent.id);

    const [winner, loser] = [entities[1]!, entities[0]!];
    const versions = (await db.dataSource.query(`SELECT id, version FROM entities WHERE id IN ($1, $2)`, [winner.id, loser.id])) as Array<{
      id: string;
      version: number;
    }>;
    const versionOf = (id: string) => versions.find((row) => row.id === id)!.version;
    dataOf(
      await gql(
        `mutation($input: MergeEntitiesInput!) { mergeEntities(input: $input) { id } }`,
        {
          input: {
            winnerId: winner.id,
            winnerExpectedVersion: versionOf(winner.id),
            loserId: loser.id,
            loserExpectedVersion: versionOf(loser.id),
            reason: 'The same',
          },
        },
        editor.viewer,
      ),
    );
    const merged = await EventRecord.loadState(db.dataSource.manager, createEvent.id);
    expect(merged!.participants).toEqual([
      { label: 'a delegation of fishermen', role: 'PARTICIPANT' },
      { entityId: winner.id, role: 'AGENT' },
    ]);
    const history = await revisionsOf(createEvent.id);
    expect(history.at(-1)!.state).toEqual(merged);
    expect(replayChanges(history.map((r) => r.changes))).toEqual(merged);
  });
});
