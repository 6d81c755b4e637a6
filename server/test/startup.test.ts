import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { DEMO_ACCOUNTS, ensureDemoAccounts } from '../src/modules/users/demo-accounts.js';
import { productionStartProblems } from '../src/modules/users/startup-checks.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';

describe('a production start', () => {
  let db: TestDatabase;
  const production = loadConfig({
    NODE_ENV: 'production',
    AUTH_SECRET: 'a-production-secret-of-at-least-32-characters',
    CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY,
    PUBLIC_URL: 'https://provenance.example.org',
  });

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(() => db.drop());

  it('is refused while a demo account, whose password is public, can sign in', async () => {
    expect(await productionStartProblems(production, db.dataSource)).toEqual([]);
    expect(await ensureDemoAccounts(db.dataSource)).toBe(DEMO_ACCOUNTS.length);
    const problems = await productionStartProblems(production, db.dataSource);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/demo accounts can sign in: admin@demo.example, editor@demo.example/);
    expect(await productionStartProblems(loadConfig({ NODE_ENV: 'development' }), db.dataSource)).toEqual([]);
  });

  it('goes ahead once they are disabled', async () => {
    await db.dataSource.query(`UPDATE users SET disabled = true WHERE email LIKE '%@demo.example'`);
    expect(await productionStartProblems(production, db.dataSource)).toEqual([]);
  });
});
