/**
 * `npm run bench`: write throughput on this machine. Starts a scratch embedded PostgreSQL, loads the seeds,
 * signs an editor in, then over real HTTP sends single `updateEntity` mutations (each one transaction with its
 * revision): first one at a time, for latency, then from concurrent clients on different records, for throughput.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { EmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/open.js';
import { createHttpApp } from '../http/app.js';
import { Role } from '../modules/users/users.enums.js';
import { UsersService } from '../modules/users/users.service.js';
import { seedAll } from '../seed/seed.js';

const SEQUENTIAL = 300;
const CONCURRENCY = [1, 4, 16];
const SECONDS = 5;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const postgres = new EmbeddedPostgres({ dir });
  const url = await postgres.start();
  const config = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret', DB_POOL_SIZE: '20' });
  await migrate(url, config);
  const database = createDataSource(url, config.db, { asAppRole: true });
  await database.dataSource.initialize();
  const http = await createHttpApp(config, database, () => undefined);
  const server = http.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  try {
    await seedAll(database.dataSource);
    await new UsersService(database.dataSource).create({ actor: 'bench', actorUserId: null, requestId: null }, { email: 'bench@example.org', name: 'Bench', roles: [Role.EDITOR], password: 'bench-password-123' });
    const post = async (body: unknown, cookie = '') => {
      const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify(body) });
      return { response, json: (await response.json()) as any };
    };
    const login = await post({ query: 'mutation { login(input: { email: "bench@example.org", password: "bench-password-123" }) { expiresAt } }' });
    const cookie = login.response.headers.getSetCookie()[0]!.split(';')[0]!;
    const rows = (await database.dataSource.query(`SELECT id, version FROM entities ORDER BY id`)) as Array<{ id: string; version: number }>;
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    const update = async (id: string, n: number) => {
      const started = performance.now();
      const { json } = await post(
        { query: 'mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }', variables: { input: { id, expectedVersion: versions.get(id), description: `Benchmark edit ${n}` } } },
        cookie,
      );
      if (json.errors) throw new Error(JSON.stringify(json.errors));
      versions.set(id, json.data.updateEntity.version);
      return performance.now() - started;
    };

    console.log(`Write benchmark: single updateEntity mutations over HTTP, each a transaction with its revision`);
    console.log(`Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
    const latencies: number[] = [];
    const sequentialStart = performance.now();
    for (let n = 0; n < SEQUENTIAL; n++) latencies.push(await update(rows[n % rows.length]!.id, n));
    const sequentialSeconds = (performance.now() - sequentialStart) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(`one at a time: ${(SEQUENTIAL / sequentialSeconds).toFixed(0)} updates/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`);

    for (const clients of CONCURRENCY) {
      const times: number[] = [];
      const deadline = performance.now() + SECONDS * 1000;
      let n = 0;
      await Promise.all(
        Array.from({ length: clients }, async (_, client) => {
          const mine = rows.filter((_, i) => i % clients === client);
          while (performance.now() < deadline) times.push(await update(mine[n++ % mine.length]!.id, n));
        }),
      );
      times.sort((a, b) => a - b);
      console.log(`${String(clients).padStart(2)} clients:     ${(times.length / SECONDS).toFixed(0)} updates/s, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`);
    }
    const [check] = (await database.dataSource.query(`SELECT count(*)::int AS n FROM revisions WHERE reason IS NULL AND operation = 'UPDATE'`)) as Array<{ n: number }>;
    console.log(`\n${check!.n} UPDATE revisions written.`);
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
