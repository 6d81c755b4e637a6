/**
 * `npm run bench:ingest`: how long `importSource` takes on real articles, through GraphQL into a seeded scratch
 * database: every article of the development, held-out and blind sets (server/test/ingest-*), imported one after
 * another, each once; the first, which pays for loading compromise's lexicon and chrono-node, is reported apart.
 */
import fs from 'node:fs';
import path from 'node:path';

import { parse } from 'yaml';

import { repoRoot } from '../src/paths.js';
import { percentile, startScratchServer } from './scratch.js';

const IMPORT = `mutation($input: ImportSourceInput!) {
  importSource(input: $input) { source { id } claimsProposed eventsProposed }
}`;

const sets = ['ingest-dev', 'ingest-holdout', 'ingest-blind', 'ingest-blind2', 'ingest-blind3'];
const articles = sets.flatMap((set) => {
  const dir = path.join(repoRoot, 'server', 'test', set);
  return fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.txt'))
    .sort()
    .map((file) => {
      const gold = parse(fs.readFileSync(path.join(dir, file.replace(/\.txt$/, '.yaml')), 'utf8')) as {
        published: { date: string; precision: string };
      };
      return { name: `${set}/${file}`, content: fs.readFileSync(path.join(dir, file), 'utf8'), published: gold.published };
    });
});

async function main(): Promise<void> {
  const server = await startScratchServer();
  try {
    const times: Array<{ name: string; ms: number }> = [];
    for (const article of articles) {
      const started = performance.now();
      const answer = await server.post(IMPORT, {
        input: {
          format: 'TEXT',
          content: article.content,
          publishedAt: article.published.date,
          publishedPrecision: article.published.precision,
          publishedBasis: 'STATED',
          language: 'en',
          kind: 'NEWS_ARTICLE',
        },
      });
      if (answer.body.errors) throw new Error(`${article.name}: ${JSON.stringify(answer.body.errors)}`);
      times.push({ name: article.name, ms: performance.now() - started });
    }
    const [first, ...rest] = times;
    const sorted = rest.map((t) => t.ms).sort((a, b) => a - b);
    const slowest = rest.reduce((a, b) => (b.ms > a.ms ? b : a));
    console.log(`${times.length} imports; first (cold) ${first!.ms.toFixed(0)} ms (${first!.name})`);
    console.log(
      `others: median ${percentile(sorted, 50).toFixed(0)} ms, 90th percentile ${percentile(sorted, 90).toFixed(0)} ms, max ${slowest.ms.toFixed(0)} ms (${slowest.name})`,
    );
  } finally {
    await server.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
