/**
 * `npm run load [-- --seconds 60 --clients 50]`: a mixed load over real HTTP on a scratch database: 90% reads (a
 * page of claims, a claim's provenance, a search, events in a month), 10% updates. Prints requests per second,
 * latency percentiles per kind, errors (anything but data or an expected CONFLICT), and the server's memory and
 * pool use every 10 s, so a long run (`--seconds 600`) shows whether they stay flat.
 */
import 'reflect-metadata';

import os from 'node:os';
import { parseArgs } from 'node:util';

import { percentile, startScratchServer } from './scratch.js';

const READS = [
  ['claims page', '{ claims(first: 25) { edges { node { text claimantName status } } } }'],
  [
    'provenance',
    '{ claims(first: 5) { edges { node { text claimant { name } evidence { selector { exact } context { before after } sourceRevision { number source { title } } } reviews { status actorName } } } } }',
  ],
  ['search', '{ search(query: "Myanmar Russia", first: 10) { edges { node { type snippet } } } }'],
  [
    'events in a month',
    '{ events(first: 20, filter: { date: { from: "2022-09-01", to: "2022-09-30" } }) { edges { node { title dateMatch(from: "2022-09-01", to: "2022-09-30") } } } }',
  ],
] as const;

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { seconds: { type: 'string', default: '60' }, clients: { type: 'string', default: '50' } } });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const scratch = await startScratchServer();
  try {
    const entities = (
      (await scratch.post('{ entities(first: 50) { edges { node { id } } } }')).body.data.entities.edges as Array<{ node: { id: string } }>
    ).map((e) => e.node.id);

    const times = new Map<string, number[]>();
    let errors = 0;
    let conflicts = 0;
    const record = (kind: string, ms: number) => {
      const list = times.get(kind);
      if (list) list.push(ms);
      else times.set(kind, [ms]);
    };
    console.log(
      `Load: ${clients} clients, ${seconds} s, 90% reads / 10% updates, over HTTP, production mode; ${os.cpus().length} cores, Node ${process.version}`,
    );
    const started = performance.now();
    const deadline = started + seconds * 1000;
    const sampler = setInterval(() => {
      const elapsed = ((performance.now() - started) / 1000).toFixed(0);
      console.log(
        `  ${elapsed.padStart(4)} s  rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB  heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB  pool ${scratch.pool.totalCount - scratch.pool.idleCount}/${scratch.pool.totalCount} busy, ${scratch.pool.waitingCount} waiting`,
      );
    }, 10_000);
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        for (let n = 0; performance.now() < deadline; n++) {
          const begin = performance.now();
          if ((client * 7 + n) % 10 === 0) {
            const id = entities[(client + n) % entities.length]!;
            const read = await scratch.post('query($id: ID!) { entity(id: $id) { version } }', { id });
            const result = await scratch.post('mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }', {
              input: { id, expectedVersion: read.body.data.entity.version, description: `load ${client}/${n}` },
            });
            if (result.body.errors?.[0]?.extensions?.code === 'CONFLICT') conflicts++;
            else if (result.status !== 200 || result.body.errors) errors++;
            record('update', performance.now() - begin);
          } else {
            const [kind, query] = READS[(client + n) % READS.length]!;
            const result = await scratch.post(query, {}, false);
            if (result.status !== 200 || result.body.errors) errors++;
            record(kind, performance.now() - begin);
          }
        }
      }),
    );
    clearInterval(sampler);
    const total = [...times.values()].reduce((sum, list) => sum + list.length, 0);
    console.log(
      `\n${total} requests in ${seconds} s: ${(total / seconds).toFixed(0)} per second; ${errors} errors; ${conflicts} expected conflicts`,
    );
    for (const [kind, list] of times) {
      list.sort((x, y) => x - y);
      console.log(
        `  ${kind.padEnd(18)} ${String(list.length).padStart(6)}  p50 ${percentile(list, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(list, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(list, 99).toFixed(1).padStart(6)} ms`,
      );
    }
    if (errors > 0) process.exitCode = 1;
  } finally {
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
