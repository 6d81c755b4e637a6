/**
 * `npm run load [-- --seconds 60 --clients 50]`: a mixed load over real HTTP on a scratch database: 90% reads (a
 * page of claims, a claim's provenance, a search, events in a month), 10% updates. Prints requests per second,
 * latency percentiles per kind, errors (anything but data or an expected CONFLICT), and the server's memory and
 * pool use every 10 s, so a long run (`--seconds 600`) shows whether they stay flat.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { EmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/open.js';
import { createHttpApp } from '../http/app.js';
import { Role } from '../modules/users/users.enums.js';
import { UsersService } from '../modules/users/users.service.js';
import { seedAll } from '../seed/seed.js';

const READS = [
  ['claims page', '{ claims(first: 25) { edges { node { text claimantName status } } } }'],
  ['provenance', '{ claims(first: 5) { edges { node { text claimant { name } evidence { selector { exact } context { before after } sourceRevision { number source { title } } } reviews { status actorName } } } } }'],
  ['search', '{ search(query: "Myanmar Russia", first: 10) { edges { node { type snippet } } } }'],
  ['events in a month', '{ events(first: 20, filter: { date: { from: "2022-09-01", to: "2022-09-30" } }) { edges { node { title dateMatch(from: "2022-09-01", to: "2022-09-30") } } } }'],
] as const;

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '50' } } });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'load-'));
  const postgres = new EmbeddedPostgres({ dir });
  const url = await postgres.start();
  const config = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'load-secret-load-secret-load-secret-load', DB_POOL_SIZE: '20' });
  await migrate(url, config);
  const database = createDataSource(url, config.db, { asAppRole: true });
  await database.dataSource.initialize();
  const http = await createHttpApp(config, database, () => undefined);
  const server = http.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const pool = (database.dataSource.driver as unknown as { master: { totalCount: number; idleCount: number; waitingCount: number } }).master;
  try {
    await seedAll(database.dataSource);
    await new UsersService(database.dataSource).create({ actor: 'load', actorUserId: null, requestId: null }, { email: 'load@example.org', name: 'Load', roles: [Role.EDITOR], password: 'load-password-123' });
    const post = async (query: string, variables: Record<string, unknown> = {}, cookie = '') => {
      const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ query, variables }) });
      return { status: response.status, headers: response.headers, body: (await response.json()) as any };
    };
    const login = await post('mutation { login(input: { email: "load@example.org", password: "load-password-123" }) { expiresAt } }');
    const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
    const entities = ((await post('{ entities(first: 50) { edges { node { id } } } }')).body.data.entities.edges as Array<{ node: { id: string } }>).map((e) => e.node.id);

    const times = new Map<string, number[]>();
    let errors = 0;
    let conflicts = 0;
    const record = (kind: string, ms: number) => {
      const list = times.get(kind);
      if (list) list.push(ms);
      else times.set(kind, [ms]);
    };
    console.log(`Load: ${clients} clients, ${seconds} s, 90% reads / 10% updates, over HTTP, production mode; ${os.cpus().length} cores, Node ${process.version}`);
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const sampler = setInterval(() => {
      const elapsed = ((performance.now() - started) / 1000).toFixed(0);
      console.log(`  ${elapsed.padStart(4)} s  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB  heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB  pool ${pool.totalCount - pool.idleCount}/${pool.totalCount} busy, ${pool.waitingCount} waiting`);
    }, 10_000);
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; performance.now() < deadline; n++) {
          const begin = performance.now();
          if ((client * 7 + n) % 10 === 0) {
            const id = entities[(client + n) % entities.length]!;
            const read = await post('query($id: ID!) { entity(id: $id) { version } }', { id }, cookie);
            const result = await post('mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }', { input: { id, expectedVersion: read.body.data.entity.version, description: `load ${client}/${n}` } }, cookie);
            if (result.body.errors?.[0]?.extensions?.code === 'CONFLICT') conflicts++;
            else if (result.status !== 200 || result.body.errors) errors++;
            record('update', performance.now() - begin);
          } else {
            const [kind, query] = READS[(client + n) % READS.length]!;
            const result = await post(query);
            if (result.status !== 200 || result.body.errors) errors++;
            record(kind, performance.now() - begin);
          }
        }
      }),
    );
    clearInterval(sampler);
    const total = [...times.values()].reduce((sum, list) => sum + list.length, 0);
    console.log(`\n${total} requests in ${seconds} s: ${(total / seconds).toFixed(0)} per second; ${errors} errors; ${conflicts} expected conflicts`);
    for (const [kind, list] of times) {
      list.sort((x, y) => x - y);
      console.log(`  ${kind.padEnd(18)} ${String(list.length).padStart(6)}  p50 ${percentile(list, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(list, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(list, 99).toFixed(1).padStart(6)} ms`);
    }
    if (errors > 0) process.exitCode = 1;
  } finally {
    server.close();
    await http.stop();
    await database.dataSource.destroy();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
