import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';

import { repoRoot } from '../src/paths.js';
import { graphqlClient, viewers } from './support/graphql.js';
import { useSeededDatabase } from './support/seeded.js';

const doc = fs.readFileSync(path.join(repoRoot, 'docs', 'api.md'), 'utf8');
const examples = [...doc.matchAll(/```graphql\n# as: (\w+)\n([\s\S]*?)```/g)].map((match) => ({
  as: match[1] as keyof typeof viewers,
  query: match[2]!,
}));
/** Queries inside the curl examples, which send an API key: a client app sees what anonymous callers see. */
const queriesIn = (text: string) =>
  [...text.matchAll(/"query":"((?:[^"\\]|\\.)*)"/g)].map((match) => JSON.parse(`"${match[1]}"`) as string);
const curlQueries = queriesIn(doc);
/** The README's read-only examples, as a new user would paste them (its sign-in example needs the demo accounts). */
const readmeQueries = queriesIn(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).filter(
  (query) => query.startsWith('{') && !query.includes('reviewQueue'),
);

describe('docs/api.md', () => {
  let gql: ReturnType<typeof graphqlClient>;

  useSeededDatabase((_ready, client) => {
    gql = client;
  });

  it('has examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(5);
    expect(doc.match(/```graphql/g)).toHaveLength(examples.length);
    expect(curlQueries.length).toBeGreaterThanOrEqual(1);
  });

  it.each(curlQueries.map((query) => [query] as const))('curl example %s runs', async (query) => {
    const result = await gql(query, {}, viewers.client);
    expect(result.errors).toBeUndefined();
  });

  it.each(readmeQueries.map((query) => [query] as const))('README example %s runs', async (query) => {
    const result = await gql(query, {}, viewers.anonymous);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toMatch(/"(name|title|snippet)":"[^"]+"/);
  });

  it.each(examples.map((example, i) => [i + 1, example] as const))('example %i runs and finds something', async (_, example) => {
    const result = await gql(example.query, {}, viewers[example.as]);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toMatch(/"(name|text|title)":"[^"]+"/);
  });
});
