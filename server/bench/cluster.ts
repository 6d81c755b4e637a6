/**
 * `npm run cluster [-- --seconds 60 --clients 40]`: the deployment of docs/scaling.md on this machine, then the
 * load test through it. An embedded primary and a streaming hot standby (the replica tests' harness), PgBouncer in
 * transaction mode in front of the primary (Debian's binary), two built servers on their own ports reading from the
 * standby through DATABASE_REPLICA_URLS and writing through the pooler with prepared statements off and the change
 * feed's listener direct, and a job worker beside them (JOBS_IN_SERVER=false). The load's clients are spread over
 * both servers (`--servers N`, `--replicas 0` for none read from, `--pooler none` for pools straight to the primary,
 * to compare); anonymous reads go to the standby (PUBLIC_CACHE is off, as in the replica tests, so that no read is
 * answered from a server's memory instead). Prints rates, percentiles, errors, the standby's lag as the primary
 * sees it (pg_stat_replication), where transactions ran (pg_stat_database on each), each process's CPU, and each
 * server's /readyz; exits non-zero on any error, and stops every process and removes every folder it made.
 */
import 'reflect-metadata';

import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import pg from 'pg';

import { loadConfig } from '../src/config.js';
import { Role } from '../src/core/access/roles.js';
import { prepareAppLogin } from '../src/db/app-login.js';
import { createDataSource } from '../src/db/data-source.js';
import { findFreePort } from '../src/db/embedded-postgres.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { findPgbouncer, type Pgbouncer, PGBOUNCER_ABSENT, startPgbouncer } from '../test/support/pgbouncer.js';
import { startStreamingReplica, type StreamingReplica } from '../test/support/streaming-replica.js';
import { printLoad, remoteTarget, runLoad } from './load-run.js';
import { BENCH_AUTH_SECRET } from './scratch.js';

const POOL_PER_SERVER = 10;
/** Server connections PgBouncer keeps to the primary for all the servers' pools together: what pooling saves. */
const POOLER_CONNECTIONS = 10;
const EDITOR = { email: 'cluster@example.org', password: 'cluster-password-123' };
const SERVER_ENTRY = path.resolve(__dirname, '../../../dist/server/src/main.js');
const WORKER_ENTRY = path.resolve(__dirname, '../../../dist/server/src/cli/worker.js');
const CLOCK_TICKS = 100;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Child {
  name: string;
  process: ChildProcess;
  log: string[];
}

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url, application_name: 'provenance-store-cluster-check' });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** CPU seconds a process and every process under it have used, from /proc. */
function cpuSeconds(root: number): number {
  const parents = new Map<number, number>();
  const used = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(entry), Number(fields[1]));
      used.set(Number(entry), (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS);
    } catch {
      // gone since the listing
    }
  }
  let total = 0;
  for (const [pid, seconds] of used) {
    for (let at: number | undefined = pid; at && at > 1; at = parents.get(at)) {
      if (at === root) {
        total += seconds;
        break;
      }
    }
  }
  return total;
}

async function postmasterPid(superuserUrl: string): Promise<number> {
  const [row] = await query<{ setting: string }>(superuserUrl, `SELECT setting FROM pg_settings WHERE name = 'data_directory'`);
  return Number(fs.readFileSync(path.join(row!.setting, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

function startChild(name: string, entry: string, env: Record<string, string>): Child {
  const child: Child = {
    name,
    process: spawn(process.execPath, [entry], {
      env: { PATH: process.env.PATH ?? '', HOME: os.homedir(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    log: [],
  };
  const keep = (chunk: Buffer) => {
    child.log.push(...chunk.toString().split('\n').filter(Boolean));
    if (child.log.length > 200) child.log.splice(0, child.log.length - 200);
  };
  child.process.stdout!.on('data', keep);
  child.process.stderr!.on('data', keep);
  return child;
}

async function stopChild(child: Child): Promise<void> {
  const { process: running } = child;
  if (running.exitCode !== null || running.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => running.once('exit', () => resolve()));
  running.kill('SIGTERM');
  const killer = setTimeout(() => running.kill('SIGKILL'), 15_000);
  await exited;
  clearTimeout(killer);
}

async function readiness(base: string): Promise<{ ok: boolean; body: any }> {
  try {
    const response = await fetch(`${base}/readyz`);
    return { ok: response.ok, body: await response.json() };
  } catch (error) {
    return { ok: false, body: String(error) };
  }
}

/** Until the server answers /readyz with every standby in rotation. */
async function untilReady(child: Child, base: string): Promise<void> {
  for (const started = Date.now(); ; await sleep(250)) {
    if (child.process.exitCode !== null) throw new Error(`${child.name} exited (${child.process.exitCode}):\n${child.log.join('\n')}`);
    const { ok, body } = await readiness(base);
    if (ok && (body.replicas ?? []).every((replica: { state: string }) => replica.state === 'in rotation')) return;
    if (Date.now() - started > 120_000)
      throw new Error(`${child.name} not ready after 120 s: ${JSON.stringify(body)}\n${child.log.join('\n')}`);
  }
}

async function transactions(url: string): Promise<number> {
  const [row] = await query<{ count: string }>(
    url,
    `SELECT xact_commit + xact_rollback AS count FROM pg_stat_database WHERE datname = current_database()`,
  );
  return Number(row!.count);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string', default: '60' },
      clients: { type: 'string', default: '40' },
      servers: { type: 'string', default: '2' },
      // 0: the standby runs but no server reads from it, for the same run without a replica.
      replicas: { type: 'string', default: '1' },
      // none: the servers' pools log in to the primary directly, with prepared statements on.
      pooler: { type: 'string', default: 'transaction' },
    },
  });
  const seconds = Number(values.seconds);
  const clients = Number(values.clients);
  const servers = Number(values.servers);
  const useReplica = values.replicas !== '0';
  const usePooler = values.pooler !== 'none';
  const binary = findPgbouncer();
  if (!binary) throw new Error(PGBOUNCER_ABSENT);
  for (const entry of [SERVER_ENTRY, WORKER_ENTRY])
    if (!fs.existsSync(entry)) throw new Error(`${entry} is missing: build the server first`);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cluster-'));
  const children: Child[] = [];
  let replica: StreamingReplica | null = null;
  let bouncer: Pgbouncer | null = null;
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await Promise.all(children.map(stopChild));
    await bouncer?.stop();
    await replica?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.log(`${signal}: stopping everything`);
      void cleanup().finally(() => process.exit(1));
    });
  }

  try {
    let started = performance.now();
    replica = await startStreamingReplica();
    const keyFile = path.join(dir, 'checkpoint-key.pem');
    fs.writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    const common = {
      NODE_ENV: 'production',
      AUTH_SECRET: BENCH_AUTH_SECRET,
      PUBLIC_URL: 'http://localhost',
      CHECKPOINT_SIGNING_KEY_FILE: keyFile,
      DATA_DIR: dir,
      DB_POOL_SIZE: String(POOL_PER_SERVER),
      JOBS_IN_SERVER: 'false',
      DATABASE_URL: replica.primaryUrl,
    };
    const config = loadConfig(common);
    // The harness logged the server's role in with the tests' secret; the servers derive its password from theirs.
    const appUrl = await prepareAppLogin(replica.primaryUrl, config);
    // PgBouncer is told to ignore the pool's statement_timeout startup parameter, so the bound goes on the role.
    await query(replica.primaryUrl, `ALTER ROLE provenance_app SET statement_timeout = '15s'`);
    const database = createDataSource(appUrl, config.db);
    await database.dataSource.initialize();
    await new UsersService(database.dataSource).create(
      { actor: 'cluster', actorUserId: null, requestId: null },
      { ...EDITOR, name: 'Cluster', roles: [Role.EDITOR] },
    );
    await database.dataSource.destroy();
    bouncer = await startPgbouncer(binary, appUrl, 'transaction', POOLER_CONNECTIONS);
    const replicaAppUrl = withPort(appUrl, Number(new URL(replica.replicaUrl).port));

    const bases: string[] = [];
    for (let n = 0; n < servers; n++) {
      const port = await findFreePort();
      const base = `http://127.0.0.1:${port}`;
      const server = startChild(`server ${n + 1}`, SERVER_ENTRY, {
        ...common,
        HOST: '127.0.0.1',
        PORT: String(port),
        ...(usePooler
          ? { DATABASE_APP_URL: bouncer.urlFor(appUrl), DATABASE_PREPARED_STATEMENTS: 'false', DATABASE_LISTEN_URL: appUrl }
          : {}),
        ...(useReplica ? { DATABASE_REPLICA_URLS: replicaAppUrl } : {}),
        PUBLIC_CACHE: 'false',
        // One server loads the seeds; two at once would each try to.
        SEED_ON_START: n === 0 ? 'true' : 'false',
        SECURE_COOKIES: 'false',
      });
      children.push(server);
      // In turn: the first runs the migrations' check and the seeds before the second starts.
      await untilReady(server, base);
      bases.push(base);
    }
    // Graphile-worker holds session advisory locks and LISTENs: it logs in directly, never through transaction pooling.
    const worker = startChild('worker', WORKER_ENTRY, { ...common, DATABASE_APP_URL: appUrl });
    children.push(worker);
    for (const waited = Date.now(); !worker.log.some((line) => line.includes('Worker running')); await sleep(100)) {
      if (worker.process.exitCode !== null || Date.now() - waited > 60_000)
        throw new Error(`The worker did not start:\n${worker.log.join('\n')}`);
    }
    console.log(
      `Cluster up in ${((performance.now() - started) / 1000).toFixed(1)} s: primary :${new URL(replica.primaryUrl).port}, standby :${new URL(replica.replicaUrl).port}, ` +
        `PgBouncer (transaction, ${POOLER_CONNECTIONS} server connections) :${new URL(bouncer.urlFor(appUrl)).port}, servers ${bases.join(' ')} (pool ${POOL_PER_SERVER} each), a worker; ` +
        `the servers' pools ${usePooler ? 'through PgBouncer, prepared statements off' : 'straight to the primary, prepared statements on'}, ${useReplica ? 'reading from the standby' : 'not reading from the standby'}`,
    );

    const loadAverage = () =>
      os
        .loadavg()
        .map((n) => n.toFixed(2))
        .join(' / ');
    console.log(`Load average (1/5/15 min) before the run: ${loadAverage()}`);
    const targets = await Promise.all(bases.map((base) => remoteTarget(base, EDITOR)));
    const primaryPid = await postmasterPid(replica.primaryUrl);
    const standbyPid = await postmasterPid(replica.replicaUrl);
    const measured: Array<[string, number]> = [
      ...children.map((child): [string, number] => [child.name, child.process.pid!]),
      ['primary', primaryPid],
      ['standby', standbyPid],
      ['pgbouncer', bouncer.pid],
    ];
    const cpuBefore = measured.map(([, pid]) => cpuSeconds(pid));
    const loadCpuBefore = process.cpuUsage();
    const before = { primary: await transactions(replica.primaryUrl), standby: await transactions(replica.replicaUrl) };

    const lag = { bytes: [] as number[], ms: [] as number[] };
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const rows = await query<{ bytes: string | null; ms: string | null }>(
          replica!.primaryUrl,
          `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS bytes, extract(epoch FROM replay_lag) * 1000 AS ms
             FROM pg_stat_replication WHERE application_name = 'standby'`,
        ).catch(() => []);
        if (rows[0]) {
          lag.bytes.push(Number(rows[0].bytes ?? 0));
          lag.ms.push(Number(rows[0].ms ?? 0));
        }
        await sleep(500);
      }
    })();
    const standbyStates: string[] = [];
    started = performance.now();
    const result = await runLoad(targets, {
      seconds,
      clients,
      sample: () => {
        void Promise.all(bases.map(readiness)).then((answers) =>
          standbyStates.push(answers.map((answer) => JSON.stringify(answer.body.replicas ?? answer.body)).join(' ')),
        );
        const last = lag.ms.length ? `standby replay_lag ${lag.ms.at(-1)!.toFixed(1)} ms, ${lag.bytes.at(-1)} B behind` : '';
        return `${last}; ${standbyStates.at(-1) ?? ''}`;
      },
    });
    const elapsed = (performance.now() - started) / 1000;
    watching = false;
    await watcher;
    const cpuAfter = measured.map(([, pid]) => cpuSeconds(pid));
    const loadCpu = process.cpuUsage(loadCpuBefore);
    const after = { primary: await transactions(replica.primaryUrl), standby: await transactions(replica.replicaUrl) };

    printLoad(result, seconds);
    console.log(`Load average (1/5/15 min) after the run: ${loadAverage()}`);
    const onPrimary = after.primary - before.primary;
    const onStandby = after.standby - before.standby;
    console.log(
      `\nTransactions (pg_stat_database, all sources): primary ${onPrimary}, standby ${onStandby}: ${((100 * onStandby) / Math.max(1, onPrimary + onStandby)).toFixed(1)}% on the standby`,
    );
    const sortedMs = [...lag.ms].sort((x, y) => x - y);
    const sortedBytes = [...lag.bytes].sort((x, y) => x - y);
    const at = (list: number[], p: number) => list[Math.min(list.length - 1, Math.floor((p / 100) * list.length))] ?? 0;
    console.log(
      `Standby lag (pg_stat_replication every 0.5 s, ${lag.ms.length} samples): replay_lag p50 ${at(sortedMs, 50).toFixed(1)} ms, p99 ${at(sortedMs, 99).toFixed(1)} ms, max ${(sortedMs.at(-1) ?? 0).toFixed(1)} ms; ` +
        `WAL behind p50 ${at(sortedBytes, 50)} B, max ${sortedBytes.at(-1) ?? 0} B`,
    );
    console.log(`CPU over the run (${elapsed.toFixed(0)} s; cores used = CPU seconds / wall seconds, of ${os.cpus().length}):`);
    measured.forEach(([name], i) => {
      const used = cpuAfter[i]! - cpuBefore[i]!;
      console.log(`  ${name.padEnd(10)} ${used.toFixed(1).padStart(6)} s  ${(used / elapsed).toFixed(2)} cores`);
    });
    const loadUsed = (loadCpu.user + loadCpu.system) / 1e6;
    console.log(`  ${'load'.padEnd(10)} ${loadUsed.toFixed(1).padStart(6)} s  ${(loadUsed / elapsed).toFixed(2)} cores`);
    const connections = await query<{ usename: string; application_name: string; count: string }>(
      replica.replicaUrl,
      `SELECT usename, application_name, count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND datname = current_database() GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    console.log(
      `Standby's client connections: ${connections.map((c) => `${c.usename}/${c.application_name || '-'} ${c.count}`).join(', ')}`,
    );
    for (const [n, base] of bases.entries()) console.log(`server ${n + 1} /readyz: ${JSON.stringify((await readiness(base)).body)}`);
    const died = children.filter((child) => child.process.exitCode !== null);
    for (const child of died)
      console.log(`${child.name} exited during the run (${child.process.exitCode}):\n${child.log.slice(-20).join('\n')}`);
    if (result.errors > 0 || died.length > 0) process.exitCode = 1;
  } finally {
    await cleanup();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
