import type { EntityManager } from 'typeorm';
import { afterEach, describe, expect, it, vi } from 'vitest';

import type { DeletableState, RecordKind, WriteContext } from '../src/core/revisions/record-writer.js';
import { RecordWriter } from '../src/core/revisions/record-writer.js';
import { RecordType, RevisionOperation } from '../src/core/revisions/revisions.enums.js';
import { RECORDS } from '../src/modules/records.js';
import type { TestDatabase } from './support/database.js';
import { createEditor } from './support/factories.js';
import { dataOf, errorCodes, graphqlClient } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const CONTEXT: WriteContext = { actor: 'test:one-statement-edit', actorUserId: null, requestId: 'one-statement-edit' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type Edit = (writer: RecordWriter, kind: RecordKind<DeletableState>, id: string, expectedVersion: number) => Promise<unknown>;

/**
 * Every list in the state given back reversed, its first element repeated and its ids in upper case: what the
 * rows hold after the write (and so what the revision must hold) is each list sorted, without repeats, in lower case.
 */
const untidy = (value: unknown): unknown => {
  if (typeof value === 'string' && UUID.test(value)) return value.toUpperCase();
  if (Array.isArray(value)) return value.length === 0 ? value : [...value.map(untidy).reverse(), untidy(value.at(-1))];
  if (value !== null && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, untidy(item)]));
  return value;
};

const EDITS: Record<string, Edit> = {
  'an edit with untidy lists': (writer, kind, id, expectedVersion) =>
    writer.replace(
      CONTEXT,
      kind,
      { id, expectedVersion, reason: 'untidy', operation: RevisionOperation.UPDATE },
      (before) =>
        Object.fromEntries(
          Object.entries(before).map(([key, value]) => [key, Array.isArray(value) ? untidy(value) : value]),
        ) as DeletableState,
    ),
  'a soft delete': (writer, kind, id, expectedVersion) => writer.softDelete(CONTEXT, kind, { id, expectedVersion, reason: 'gone' }),
};

class RolledBack extends Error {
  constructor(readonly result: unknown) {
    super('rolled back');
  }
}

/** What a write leaves: its revision's row, every column but the log's own numbering, and the record's state. */
async function written(manager: EntityManager, kind: RecordKind<DeletableState>, id: string) {
  const [revision] = (await manager.query(
    `SELECT record_type, record_id, version, operation, changes::text, state::text, reason, actor, actor_user_id, request_id,
            created_at, prev_hash, hash
       FROM revisions WHERE record_type = $1 AND record_id = $2 ORDER BY version DESC LIMIT 1`,
    [kind.recordType, id],
  )) as Array<Record<string, unknown>>;
  return { revision, state: await kind.loadState(manager, id) };
}

describe('an edit in one statement', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((ready, client) => {
    db = ready;
    gql = client;
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  async function someRecord(kind: RecordKind<DeletableState>): Promise<{ id: string; version: number } | undefined> {
    const [row] = (await db.dataSource.query(
      `SELECT t.id::text AS id, t.version FROM "${kind.table}" t
        WHERE t.deleted_at IS NULL AND EXISTS (SELECT 1 FROM revisions r WHERE r.record_type = $1 AND r.record_id = t.id)
        ORDER BY t.id LIMIT 1`,
      [kind.recordType],
    )) as Array<{ id: string; version: number }>;
    return row;
  }

  it('writes, for every kind of record, the very revision row and rows the transactional path writes', async () => {
    const covered: string[] = [];
    for (const kind of Object.values(RECORDS) as unknown as Array<RecordKind<DeletableState>>) {
      for (const [name, edit] of Object.entries(EDITS)) {
        const record = await someRecord(kind);
        if (!record) continue;
        vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-06T10:00:00.123Z') });
        // Inside a caller's transaction the writer takes the path of several statements; rolled back, it leaves nothing.
        const transactional = await db.dataSource
          .transaction(async (tx) => {
            await edit(new RecordWriter(tx), kind, record.id, record.version);
            throw new RolledBack(await written(tx, kind, record.id));
          })
          .catch((error: unknown) => {
            if (error instanceof RolledBack) return error.result;
            throw error;
          });
        const before = db.statements.count;
        await edit(new RecordWriter(db.dataSource), kind, record.id, record.version);
        expect(db.statements.count - before, `${kind.recordType}: ${name}`).toBe(1 + 1);
        expect(await written(db.dataSource.manager, kind, record.id), `${kind.recordType}: ${name}`).toEqual(transactional);
        vi.useRealTimers();
        covered.push(kind.recordType);
      }
    }
    // The seed holds no annotation, user or API key with a history; their write path is the same statement.
    expect(new Set(covered)).toEqual(
      new Set([RecordType.SOURCE, RecordType.ENTITY, RecordType.EVENT_TYPE, RecordType.EVENT, RecordType.CLAIM, RecordType.EVIDENCE]),
    );
  });

  it('writes nothing when a reference is missing, and names the field', async () => {
    const { viewer } = await createEditor(db.dataSource);
    const { claims } = dataOf(await gql<any>(`{ claims(first: 5) { edges { node { id version } } } }`, {}, viewer));
    const claim = claims.edges[0].node;
    const revisions = async () => Number((await db.dataSource.query(`SELECT count(*) FROM revisions`))[0].count);
    const logged = await revisions();
    const answer = await gql<any>(
      `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`,
      {
        input: { id: claim.id, expectedVersion: claim.version, text: 'Never written.', eventIds: ['00000000-0000-4000-8000-000000000000'] },
      },
      viewer,
    );
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(answer.errors)).toContain('eventIds[0]');
    const [row] = await db.dataSource.query(`SELECT version, text FROM claims WHERE id = $1`, [claim.id]);
    expect(row.version).toBe(claim.version);
    expect(row.text).not.toBe('Never written.');
    expect(await revisions()).toBe(logged);
  });

  it('refuses a version another edit got to first with CONFLICT and the current version', async () => {
    const { viewer } = await createEditor(db.dataSource);
    const { claims } = dataOf(await gql<any>(`{ claims(first: 5) { edges { node { id version } } } }`, {}, viewer));
    const claim = claims.edges[1].node;
    const edit = (text: string) =>
      gql<any>(
        `mutation($input: UpdateClaimInput!) { updateClaim(input: $input) { version } }`,
        { input: { id: claim.id, expectedVersion: claim.version, text } },
        viewer,
      );
    expect(dataOf(await edit('First.')).updateClaim.version).toBe(claim.version + 1);
    const stale = await edit('Second.');
    expect(errorCodes(stale)).toEqual(['CONFLICT']);
    expect(stale.errors?.[0]?.message).toContain(`is at version ${claim.version + 1}`);
  });

  it('writes nothing when another edit lands between its read and its write, and answers CONFLICT with the version that edit made', async () => {
    const kind = RECORDS[RecordType.CLAIM] as unknown as RecordKind<DeletableState>;
    const record = (await someRecord(kind))!;
    const target = { id: record.id, expectedVersion: record.version, reason: 'race', operation: RevisionOperation.UPDATE };
    const race = new RecordWriter(db.dataSource).replace(CONTEXT, kind, target, async (before) => {
      await new RecordWriter(db.dataSource).replace(CONTEXT, kind, { ...target, reason: 'first' }, (state) => ({
        ...state,
        text: 'First.',
      }));
      return { ...before, text: 'Second.' };
    });
    await expect(race).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(race).rejects.toMatchObject({ details: { currentVersion: record.version + 1 } });
    const [row] = await db.dataSource.query(`SELECT version, text FROM claims WHERE id = $1`, [record.id]);
    expect(row).toEqual({ version: record.version + 1, text: 'First.' });
  });
});
