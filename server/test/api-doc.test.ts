import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { graphqlClient, viewers } from './support/graphql.js';

const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'api.md'), 'utf8');
const examples = [...doc.matchAll(/```graphql\n# as: (\w+)\n([\s\S]*?)```/g)].map((match) => ({ as: match[1] as keyof typeof viewers, query: match[2]! }));

describe('docs/api.md', () => {
  let db: TestDatabase;
  let gql: ReturnType<typeof graphqlClient>;

  beforeAll(async () => {
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    gql = graphqlClient(db.dataSource);
  });
  afterAll(() => db.drop());

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(doc.match(/```graphql/g)).toHaveLength(examples.length);
  });

  it.each(examples.map((example, i) => [i + 1, example] as const))('example %i runs and finds something', async (_, example) => {
    const result = await gql(example.query, {}, viewers[example.as]);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toMatch(/"(name|text|title)":"[^"]+"/);
  });
});
