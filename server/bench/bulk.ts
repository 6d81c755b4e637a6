/**
 * `npm run bench:bulk [-- --claims 20000]`: the bulk loader's rate, claims a second with their evidence and
 * revisions, on a corpus in the full one's proportions, each load into a fresh scratch database: row by row
 * (every index, foreign key and the anchor trigger in place), then with them set aside and rebuilt set-wise
 * after; then PostgreSQL's own ceiling, the same COPYs replayed without this process's work, both ways. Prints
 * the machine's other load (/proc/loadavg before and after), since the machine is shared.
 */
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { bulkLoad, type LoadCounts, writeBatch } from './corpus/bulk-load.js';
import type { CopyPayload } from './corpus/copy-in.js';
import { createEventTypes } from './corpus/event-types.js';
import { FULL_CORPUS, generateCorpus } from './corpus/generate.js';
import { setAside } from './corpus/set-aside.js';
import { startScratchDatabase } from './scratch.js';

/** The bench's own settings (bench/compare/run.ts), so that a rate here is the rate a benchmark run loads at. */
const POSTGRES_SETTINGS = { shared_buffers: '2GB', max_wal_size: '16GB', checkpoint_timeout: '30min', wal_compression: 'on' };

const loadavg = () => fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

const TICKS = 100;
/** utime, stime, cutime, cstime and ppid of a process, from /proc/<pid>/stat. */
function stat(pid: number): { ppid: number; own: number; reaped: number } | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ppid: Number(fields[1]), own: Number(fields[11]) + Number(fields[12]), reaped: Number(fields[13]) + Number(fields[14]) };
  } catch {
    return null;
  }
}

/**
 * The CPU seconds a PostgreSQL cluster has used: its postmaster's, what it reaped of exited children (short-lived
 * connections, parallel index workers), and its live children's. Differences of two readings are its CPU meanwhile.
 */
function clusterCpu(postmaster: number): number {
  const master = stat(postmaster)!;
  let ticks = master.own + master.reaped;
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const child = stat(Number(entry));
    if (child?.ppid === postmaster) ticks += child.own;
  }
  return ticks / TICKS;
}

async function postmasterAt(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return stat(rows[0]!.pid)!.ppid;
  } finally {
    await client.end();
  }
}

interface Timed {
  seconds: number;
  restoreSeconds: number;
  nodeCpuSeconds: number;
  postgresCpuSeconds: number;
}

async function load(
  claims: number,
  size: typeof FULL_CORPUS,
  ownerAside: boolean,
  capture?: CopyPayload[][],
): Promise<Timed & { counts: LoadCounts }> {
  const scratch = await startScratchDatabase({ settings: POSTGRES_SETTINGS, seed: false, env: { DB_STATEMENT_TIMEOUT_MS: '600000' } });
  try {
    await createEventTypes(scratch.database.dataSource);
    const generated = generateCorpus(size);
    // Generated before the clock starts: the loader's work is to write a corpus, not to make one up.
    const bundles = [...generated.bundles()];
    const corpus = {
      ...generated,
      bundles: function* () {
        yield* bundles;
      },
    };
    const postmaster = await postmasterAt(scratch.ownerUrl);
    const postgresBefore = clusterCpu(postmaster);
    const cpu = process.cpuUsage();
    const started = performance.now();
    const counts = await bulkLoad(scratch.database.dataSource, corpus, { ...(ownerAside ? { ownerUrl: scratch.ownerUrl } : {}), capture });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const postgresCpuSeconds = clusterCpu(postmaster) - postgresBefore;
    if (counts.claims !== claims) throw new Error(`loaded ${counts.claims} claims, not ${claims}`);
    return {
      counts,
      seconds,
      restoreSeconds: counts.restoreSeconds ?? 0,
      nodeCpuSeconds: (used.user + used.system) / 1e6,
      postgresCpuSeconds,
    };
  } finally {
    await scratch.stop();
  }
}

/** The captured COPYs alone, on two connections as the loader writes them: what PostgreSQL takes without us. */
async function replay(batches: CopyPayload[][], ownerAside: boolean): Promise<Timed> {
  const scratch = await startScratchDatabase({ settings: POSTGRES_SETTINGS, seed: false, env: { DB_STATEMENT_TIMEOUT_MS: '600000' } });
  try {
    await createEventTypes(scratch.database.dataSource);
    const runners = [scratch.database.dataSource.createQueryRunner(), scratch.database.dataSource.createQueryRunner()];
    const clients = (await Promise.all(runners.map((runner) => runner.connect()))) as pg.ClientBase[];
    for (const client of clients) await client.query('SET synchronous_commit = off');
    const postmaster = await postmasterAt(scratch.ownerUrl);
    const postgresBefore = clusterCpu(postmaster);
    const started = performance.now();
    const aside = ownerAside ? await setAside(scratch.ownerUrl) : null;
    // Entities first, as the loader drains them before the sources' batches, then batches alternating as its writers take them.
    const entityBatches = batches.filter((batch) => batch.every((payload) => /COPY "(entities|revisions)"/.test(payload.statement)));
    for (const batch of entityBatches) await writeBatch(clients[0]!, batch);
    const rest = batches.slice(entityBatches.length);
    await Promise.all(
      clients.map(async (client, i) => {
        for (let at = i; at < rest.length; at += clients.length) await writeBatch(client, rest[at]!);
      }),
    );
    const restoreSeconds = aside ? (await aside.restore()).seconds : 0;
    const seconds = (performance.now() - started) / 1000;
    const postgresCpuSeconds = clusterCpu(postmaster) - postgresBefore;
    for (const runner of runners) await runner.release();
    return { seconds, restoreSeconds, nodeCpuSeconds: 0, postgresCpuSeconds };
  } finally {
    await scratch.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { claims: { type: 'string', default: '20000' } } });
  const claims = Number(values.claims);
  const share = claims / FULL_CORPUS.claims;
  const size = {
    claims,
    sources: Math.round(FULL_CORPUS.sources * share),
    events: Math.round(FULL_CORPUS.events * share),
    entities: Math.round(FULL_CORPUS.entities * share),
  };
  console.log(
    `Bulk load: ${size.sources} sources, ${claims} claims, ${size.events} events, ${size.entities} entities; ${os.cpus().length} cores; loadavg ${loadavg()}`,
  );
  const line = (name: string, timed: Timed) =>
    console.log(
      `  ${name.padEnd(46)} ${(claims / timed.seconds).toFixed(0).padStart(6)} claims/s  (${timed.seconds.toFixed(1)} s${timed.restoreSeconds ? `, of which rebuild and checks ${timed.restoreSeconds.toFixed(1)} s` : ''}); CPU per claim: PostgreSQL ${((timed.postgresCpuSeconds / claims) * 1e6).toFixed(0)} µs, this process ${((timed.nodeCpuSeconds / claims) * 1e6).toFixed(0)} µs, so at most ${(claims / Math.max((timed.postgresCpuSeconds + timed.nodeCpuSeconds) / os.cpus().length, timed.nodeCpuSeconds)).toFixed(0)} claims/s on these cores alone; loadavg ${loadavg()}`,
    );
  const rowByRow = await load(claims, size, false);
  line('loader, row by row (before)', rowByRow);
  const capture: CopyPayload[][] = [];
  const setAsideLoad = await load(claims, size, true, capture);
  line('loader, indexes/keys/trigger set aside (after)', setAsideLoad);
  console.log(`  (${setAsideLoad.counts.revisions} revisions, ${setAsideLoad.counts.evidence} evidence)`);
  line('PostgreSQL alone: COPY replayed, row by row', await replay(capture, false));
  line('PostgreSQL alone: COPY replayed, set aside', await replay(capture, true));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
