import type { EntityManager } from 'typeorm';
import { describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { preparedQuery } from '../src/core/sql/prepared.js';
import { projection } from '../src/core/sql/projection.js';
import { Claim } from '../src/modules/claims/claim.entity.js';
import { EntityRecord } from '../src/modules/entities/entity.entity.js';
import { Event } from '../src/modules/events/event.entity.js';
import { Evidence } from '../src/modules/evidence/evidence.entity.js';
import { Source } from '../src/modules/sources/source.entity.js';
import type { TestDatabase } from './support/database.js';
import { useSeededDatabase } from './support/seeded.js';

const MAX_PREPARED_STATEMENTS = loadConfig({ NODE_ENV: 'test' }).db.maxPreparedStatements;

describe('hand-written loader statements', () => {
  let db: TestDatabase;
  useSeededDatabase((ready) => {
    db = ready;
  });

  const tables = [
    [Claim, 'claims'],
    [Event, 'events'],
    [EntityRecord, 'entities'],
    [Source, 'sources'],
    [Evidence, 'evidence'],
  ] as const;

  it.each(tables)('read %o as TypeORM reads it: same class, same properties, same values', async (entity, table) => {
    const manager: EntityManager = db.dataSource.manager;
    const columns = projection(manager, entity as new () => object, 't');
    const handWritten = (
      (await manager.query(`SELECT ${columns.select} FROM ${table} t ORDER BY t.id`)) as Array<Record<string, unknown>>
    ).map(columns.hydrate);
    const typeorm = await manager.find(entity, { order: { id: 'ASC' } });
    expect(typeorm.length).toBeGreaterThan(0);
    expect(handWritten).toEqual(typeorm);
    expect(handWritten.every((record) => record instanceof entity)).toBe(true);
  });

  it('reads records of two tables in one UNION, each row null in the columns of the other', async () => {
    const manager: EntityManager = db.dataSource.manager;
    const claim = projection(manager, Claim, 'c');
    const event = projection(manager, Event, 'e');
    const rows = (await manager.query(`
      SELECT u.kind, ${claim.reselect('u')}, ${event.reselect('u')}
        FROM (SELECT 'claim' AS kind, c.created_at, c.id, ${claim.select}, ${event.nulls} FROM claims c
              UNION ALL
              SELECT 'event', e.created_at, e.id, ${claim.nulls}, ${event.select} FROM events e) u
       ORDER BY u.kind, u.id`)) as Array<Record<string, unknown>>;
    const claims = rows.filter((row) => row.kind === 'claim');
    const events = rows.filter((row) => row.kind === 'event');
    expect(claims.map(claim.hydrate)).toEqual(await manager.find(Claim, { order: { id: 'ASC' } }));
    expect(events.map(event.hydrate)).toEqual(await manager.find(Event, { order: { id: 'ASC' } }));
    for (const row of claims) expect(Object.entries(row).filter(([key, value]) => key.startsWith('e.') && value !== null)).toEqual([]);
  });

  it('keeps a bounded number of statements prepared on a connection, dropping the least recently run', async () => {
    const text = (i: number) => `SELECT $1::int + ${i} AS sum`;
    const preparedNow = async (manager: EntityManager) =>
      (
        await preparedQuery<{ statement: string }>(
          manager,
          `SELECT statement FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + %'`,
          [],
        )
      ).map((row) => row.statement);
    const { count, held } = await db.dataSource.transaction(async (manager) => {
      for (let i = 1; i <= MAX_PREPARED_STATEMENTS + 40; i++) {
        expect(await preparedQuery(manager, text(i), [1])).toEqual([{ sum: i + 1 }]);
        // The first text is run again every so often: it is never the least recently run.
        if (i % 50 === 0) expect(await preparedQuery(manager, text(0), [1])).toEqual([{ sum: 1 }]);
      }
      const held = await preparedNow(manager);
      // A text dropped is prepared again when it is run again.
      expect(await preparedQuery(manager, text(1), [2])).toEqual([{ sum: 3 }]);
      return { count: held.length, held: new Set(held) };
    });
    expect(count).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
    expect(count).toBeGreaterThan(MAX_PREPARED_STATEMENTS - 10);
    expect(held.has(text(0))).toBe(true);
    expect(held.has(text(MAX_PREPARED_STATEMENTS + 40))).toBe(true);
    expect(held.has(text(1))).toBe(false);
  });
});
