/**
 * `npm run bench`: write throughput on this machine. Starts a scratch embedded PostgreSQL, loads the seeds,
 * signs an editor in, then over real HTTP sends single `updateEntity` mutations (each one transaction with its
 * revision): first one at a time, for latency, then from concurrent clients on different records, for throughput.
 * Prints figures; asserts nothing.
 */
import 'reflect-metadata';

import os from 'node:os';

import { percentile, startScratchServer } from './scratch.js';

const SEQUENTIAL = 300;
const CONCURRENCY = [1, 4, 16];
const SECONDS = 5;

async function main(): Promise<void> {
  const scratch = await startScratchServer();
  try {
    const rows = (await scratch.dataSource.query(`SELECT id, version FROM entities ORDER BY id`)) as Array<{ id: string; version: number }>;
    const versions = new Map(rows.map((row) => [row.id, row.version]));
    const update = async (id: string, n: number) => {
      const started = performance.now();
      const { body } = await scratch.post('mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }', {
        input: { id, expectedVersion: versions.get(id), description: `Benchmark edit ${n}` },
      });
      if (body.errors) throw new Error(JSON.stringify(body.errors));
      versions.set(id, body.data.updateEntity.version);
      return performance.now() - started;
    };

    console.log(`Write benchmark: single updateEntity mutations over HTTP, each a transaction with its revision`);
    console.log(`Machine: ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}\n`);
    const latencies: number[] = [];
    const sequentialStart = performance.now();
    for (let n = 0; n < SEQUENTIAL; n++) latencies.push(await update(rows[n % rows.length]!.id, n));
    const sequentialSeconds = (performance.now() - sequentialStart) / 1000;
    latencies.sort((a, b) => a - b);
    console.log(
      `one at a time: ${(SEQUENTIAL / sequentialSeconds).toFixed(0)} updates/s, p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms`,
    );

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
      console.log(
        `${String(clients).padStart(2)} clients:     ${(times.length / SECONDS).toFixed(0)} updates/s, p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, p99 ${percentile(times, 99).toFixed(1)} ms`,
      );
    }
    const [check] = (await scratch.dataSource.query(
      `SELECT count(*)::int AS n FROM revisions WHERE reason IS NULL AND operation = 'UPDATE'`,
    )) as Array<{ n: number }>;
    console.log(`\n${check!.n} UPDATE revisions written.`);
  } finally {
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
