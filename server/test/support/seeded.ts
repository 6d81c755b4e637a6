import { afterAll, beforeAll } from 'vitest';

import { seedAll } from '../../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { graphqlClient } from './graphql.js';

/** A database of the describe block's own, with the seed data, dropped after; `onReady` receives it. */
export function useSeededDatabase(onReady: (db: TestDatabase, gql: ReturnType<typeof graphqlClient>) => void): void {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    onReady(db, graphqlClient(db.dataSource));
  });
  afterAll(() => db.drop());
}
