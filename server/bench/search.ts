/**
 * `npm run bench:search`: search latency on the seed data, then on 100,000 generated claims. The generated
 * claims are bulk-inserted with SQL into a scratch database to measure search alone; they are not records of
 * the product (they have no revisions), and the database is thrown away after.
 */
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../src/config.js';
import { Role } from '../src/core/access/roles.js';
import { prepareAppLogin } from '../src/db/app-login.js';
import { createDataSource } from '../src/db/data-source.js';
import { EmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate } from '../src/db/open.js';
import { SearchService } from '../src/modules/search/search.service.js';
import { seedAll } from '../src/seed/seed.js';

const GENERATED = 100_000;
const RUNS = 40;
const QUERIES = ['Rosatom', 'Min Aung', 'Myanmar', 'armed forces', '"special military operation"', 'nuclear -Arctic'];

async function time(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(RUNS * 0.5)]!, p95: times[Math.floor(RUNS * 0.95)]! };
}

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-search-'));
  const postgres = new EmbeddedPostgres({ dir });
  const url = await postgres.start();
  const config = loadConfig({ NODE_ENV: 'test', DB_STATEMENT_TIMEOUT_MS: '600000' });
  await migrate(url, config);
  const { dataSource } = createDataSource(await prepareAppLogin(url, config), config.db);
  await dataSource.initialize();
  const owner = createDataSource(url, config.db).dataSource;
  await owner.initialize();
  try {
    await seedAll(dataSource);
    const search = new SearchService(dataSource);
    const report = async (label: string) => {
      console.log(`\n${label}`);
      for (const query of QUERIES) {
        for (const viewer of [
          { userId: null, roles: [] },
          { userId: null, roles: [Role.EDITOR] },
        ]) {
          const { p50, p95 } = await time(() => search.search(viewer, { query, first: 25 }));
          console.log(
            `  ${query.padEnd(30)} ${viewer.roles.length ? 'staff    ' : 'anonymous'}  p50 ${p50.toFixed(1).padStart(6)} ms  p95 ${p95.toFixed(1).padStart(6)} ms`,
          );
        }
      }
    };
    console.log(
      `Search benchmark: ${RUNS} runs a query, first 25, in process (no HTTP); ${os.cpus().length} cores, Node ${process.version}`,
    );
    await report(`Seed data (${(await dataSource.query('SELECT count(*)::int AS n FROM claims'))[0].n} claims)`);

    const started = performance.now();
    await owner.query(
      `WITH seed AS (SELECT row_number() OVER (ORDER BY id) - 1 AS i, * FROM claims), n AS (SELECT count(*) AS n FROM claims)
       INSERT INTO claims (id, text, claimant_label, attribution, modality, rank, status, created_at, updated_at)
       SELECT gen_random_uuid(), c.text || ' (generated ' || g || ')', 'a generated source', c.attribution, c.modality, c.rank,
              CASE WHEN g % 3 = 0 THEN 'DRAFT' ELSE 'VERIFIED' END, now() - make_interval(secs => g), now()
         FROM generate_series(1, $1) g, n JOIN seed c ON true
        WHERE c.i = g % n.n`,
      [GENERATED],
    );
    await owner.query('ANALYZE');
    console.log(`\nGenerated ${GENERATED} claims in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    await report(`With ${(await dataSource.query('SELECT count(*)::int AS n FROM claims'))[0].n} claims`);
  } finally {
    await dataSource.destroy();
    await owner.destroy();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
