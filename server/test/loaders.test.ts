import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { MAX_PREPARED_STATEMENTS, preparedQuery, projection } from '../src/core/loaders.js';
import { Claim } from '../src/modules/claims/claim.entity.js';
import { EntityRecord } from '../src/modules/entities/entity.entity.js';
import { Event } from '../src/modules/events/event.entity.js';
import { Evidence } from '../src/modules/evidence/evidence.entity.js';
import { Source } from '../src/modules/sources/source.entity.js';
import type { TestDatabase } from './support/database.js';
import { useSeededDatabase } from './support/seeded.js';

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
    const handWritten = ((await manager.query(`SELECT ${columns.select} FROM ${table} t ORDER BY t.id`)) as Array<Record<string, unknown>>).map(columns.hydrate);
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

  it('keeps a bounded number of statements prepared, and runs the texts past the bound unprepared', async () => {
    const texts = Array.from({ length: MAX_PREPARED_STATEMENTS + 20 }, (_, i) => `SELECT $1::int + ${i} AS sum`);
    const prepared = await db.dataSource.transaction(async (manager) => {
      for (const [i, text] of texts.entries()) expect(await preparedQuery(manager, text, [1])).toEqual([{ sum: i + 1 }]);
      return Number((await manager.query(`SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'SELECT $1::int + %'`))[0].count);
    });
    expect(prepared).toBeGreaterThan(0);
    expect(prepared).toBeLessThanOrEqual(MAX_PREPARED_STATEMENTS);
  });
});
