import { describe, expect, it } from 'vitest';
import type { EntityManager } from 'typeorm';
import { projection } from '../src/core/loaders.js';
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
});
