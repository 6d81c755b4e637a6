/**
 * `npm run bench [-- --smoke] [-- --rounds 3 --seconds 10 --connections 16] [-- --baseline DIR]`: this server
 * against PostGraphile 5 and a raw SQL handler, in one run, on one database. Generates the corpus (deterministic)
 * and bulk-loads it with its revisions, gives PostGraphile its views, starts the servers as processes of their
 * own, checks that each answers every query with the same records in the same order, then times each query on
 * each server with autocannon at fixed concurrency, in interleaved rounds: CPU per request of the server and of
 * its PostgreSQL backends (the primary figure: on a shared machine it holds still where throughput does not),
 * requests per second, latency at saturation and at 60 % of it, SQL statements per request and the server's
 * memory, with the load other tenants put on the machine meanwhile. `--baseline DIR` adds this server as built in
 * another checkout (`npm run build -w server` there), over the same corpus, in the same rounds. The full run
 * rewrites the generated part of docs/perf.md unless the machine was busier than `--max-other-load` (then only
 * with `--write-busy`, labelled so); `--smoke` runs a small corpus for CI and fails on a broken or non-equivalent
 * query, never on slowness.
 */
import 'reflect-metadata';

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { parseArgs } from 'node:util';

import autocannon from 'autocannon';
import pg from 'pg';
import { In } from 'typeorm';

import { PUBLIC_STATUSES } from '../../src/core/review/status.js';
import { verifyRecordChain } from '../../src/core/revisions/chain.js';
import { Revision } from '../../src/core/revisions/revision.entity.js';
import { RecordType } from '../../src/core/revisions/revisions.enums.js';
import { ClaimRecord } from '../../src/modules/claims/claim.entity.js';
import { auditLog, LogProblemKind } from '../../src/modules/history/log-audit.js';
import { repoRoot } from '../../src/paths.js';
import { bulkLoad } from '../corpus/bulk-load.js';
import { createEventTypes } from '../corpus/event-types.js';
import { FULL_CORPUS, generateCorpus, SMOKE_CORPUS } from '../corpus/generate.js';
import { RUSSIAN_LAST } from '../corpus/vocabulary.js';
import { percentile, type ScratchDatabase, signIn, startScratchDatabase } from '../scratch.js';
import { CpuMeter } from './cpu.js';
import { type HttpRequest, PAGE, type Probe, type ProbeSetup, probesFor, SERVER_TITLES, type ServerName, SERVERS } from './queries.js';
import {
  formatReport,
  loadLine,
  type LoadVerdict,
  type Measurement,
  type ProbeResult,
  type RepeatRead,
  type RunReport,
  writeReport,
} from './report.js';
import { ENTRIES, type RunningServer, startServer } from './servers.js';
import { BENCH_HELPERS, CANDIDATES, POSTGRAPHILE_SCHEMA } from './sql.js';

/** The product's default pool, for all three servers alike. */
const POOL_SIZE = 10;
/**
 * PostgreSQL as a deployment on this machine would set it up, rather than the defaults for a small container:
 * the working set in shared buffers and the planner told so, and no checkpoint in the middle of the bulk load.
 */
const POSTGRES_SETTINGS = {
  shared_buffers: '2GB',
  effective_cache_size: '8GB',
  random_page_cost: '1.1',
  max_wal_size: '16GB',
  checkpoint_timeout: '30min',
  wal_compression: 'on',
};
/** Other tenants' load, in cores, above which a run is too busy to stand as docs/perf.md's table. */
const MAX_OTHER_LOAD = 0.25;
/** The fixed offered load at which latency is reported, as a share of the round's saturation rate. */
const OFFERED_SHARE = 0.6;
/** Sequential requests over which statements per request are counted. */
const STATEMENT_SAMPLES = 10;
const DEEP_PAGES = 1000;
const SMOKE_DEEP_PAGES = 20;
const SEARCH_TOPICS = [
  'sanctions',
  'elections',
  'consulate',
  'deliveries',
  'denied',
  'satisfied',
  'memorandum',
  'helicopters',
  'stabilize',
];

interface Options {
  smoke: boolean;
  /** Each query is timed on the servers in turn, this many times over. */
  rounds: number;
  seconds: number;
  warmup: number;
  /** Seconds at the fixed offered load. */
  offeredSeconds: number;
  connections: number;
  out: string;
  /** A checkout whose built server (server/dist) runs beside this one as `baseline`. */
  baseline: string | null;
  maxOtherLoad: number;
  writeBusy: boolean;
  /** Where every round's figures go as JSON, if anywhere. */
  json: string | null;
  /** The keys of the queries to time, when not all (`--only search,deep-page`). */
  only: string[] | null;
  /** A directory for each server's CPU profile over the whole run (`node --cpu-prof`). */
  cpuProfileDir: string | null;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      rounds: { type: 'string' },
      seconds: { type: 'string' },
      warmup: { type: 'string' },
      'offered-seconds': { type: 'string' },
      connections: { type: 'string' },
      out: { type: 'string', default: path.join(repoRoot, 'docs', 'perf.md') },
      baseline: { type: 'string' },
      'max-other-load': { type: 'string' },
      'write-busy': { type: 'boolean', default: false },
      json: { type: 'string' },
      only: { type: 'string' },
      'cpu-prof': { type: 'string' },
    },
  });
  const smoke = values.smoke!;
  return {
    smoke,
    rounds: Number(values.rounds ?? (smoke ? 1 : 3)),
    seconds: Number(values.seconds ?? (smoke ? 1 : 10)),
    warmup: Number(values.warmup ?? (smoke ? 0.5 : 4)),
    offeredSeconds: Number(values['offered-seconds'] ?? (smoke ? 0.5 : 6)),
    connections: Number(values.connections ?? (smoke ? 4 : 16)),
    out: values.out!,
    baseline: values.baseline ? path.resolve(values.baseline) : null,
    maxOtherLoad: Number(values['max-other-load'] ?? MAX_OTHER_LOAD),
    writeBusy: values['write-busy']!,
    json: values.json ? path.resolve(values.json) : null,
    only: values.only ? values.only.split(',') : null,
    cpuProfileDir: values['cpu-prof'] ? path.resolve(values['cpu-prof']) : null,
  };
}

/** The baseline's entry point and a name for it: its commit, and whether its tree had changes. */
function baselineServer(dir: string): { entry: string; describe: string } {
  const entry = path.join(dir, 'server', 'dist', 'server', 'src', 'main.js');
  if (!fs.existsSync(entry))
    throw new Error(`--baseline ${dir}: no ${path.relative(dir, entry)}; run \`npm run build -w server\` there first`);
  const git = (...args: string[]) => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  const dirty = git('status', '--porcelain', '--untracked-files=no', '--', 'server/src', 'migrations') !== '';
  return { entry, describe: `${git('log', '-1', '--format=%h %s').slice(0, 120)}${dirty ? ' (with local changes)' : ''}` };
}

const log = (message: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${message}`);

function packageVersion(name: string): string {
  return (JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
}

async function post(server: RunningServer, request: HttpRequest, headers: Record<string, string>): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.baseUrl}${request.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: request.body,
  });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) };
  } catch {
    return { status: response.status, body: text };
  }
}

const failed = (answer: { status: number; body: any }) =>
  answer.status !== 200 || typeof answer.body !== 'object' || Boolean(answer.body.errors);

/** The first place two values differ, as a path, for a message a person can act on. */
function firstDifference(a: unknown, b: unknown, at = '$'): string | null {
  if (isDeepStrictEqual(a, b)) return null;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)])) {
      const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${at}.${key}`);
      if (found) return found;
    }
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 200)} ≠ ${JSON.stringify(b)?.slice(0, 200)}`;
}

/** Two words from the corpus's vocabulary that match fewest-but-most claims within the ranked candidates, so every server ranks the same set. */
async function chooseSearchWords(owner: pg.Client): Promise<{ words: string; matches: number }> {
  let best = { words: 'Lavrov sanctions', matches: -1 };
  for (const name of RUSSIAN_LAST.slice(0, 12)) {
    for (const topic of SEARCH_TOPICS) {
      const words = `${name} ${topic}`;
      const { rows } = await owner.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM claims WHERE search_vector @@ websearch_to_tsquery('english', $1) AND deleted_at IS NULL AND status = ANY($2)`,
        [words, PUBLIC_STATUSES],
      );
      if (rows[0]!.n <= CANDIDATES && rows[0]!.n > best.matches) best = { words, matches: rows[0]!.n };
    }
  }
  return best;
}

async function prepare(
  scratch: ScratchDatabase,
  owner: pg.Client,
  smoke: boolean,
  active: ServerName[],
): Promise<{ setup: Omit<ProbeSetup, 'deepCursor'> & { deepKey: { createdAt: Date; id: string } }; matches: number }> {
  const { words, matches } = await chooseSearchWords(owner);
  const { rows: visible } = await owner.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM claims WHERE deleted_at IS NULL AND status = ANY($1)`,
    [PUBLIC_STATUSES],
  );
  const deepPages = Math.min(smoke ? SMOKE_DEEP_PAGES : DEEP_PAGES, Math.floor(visible[0]!.n / PAGE) - 1);
  const { rows: deep } = await owner.query<{ id: string; created_at: Date }>(
    `SELECT id, created_at FROM claims WHERE deleted_at IS NULL AND status = ANY($1) ORDER BY created_at DESC, id DESC OFFSET $2 LIMIT 1`,
    [PUBLIC_STATUSES, deepPages * PAGE - 1],
  );
  const { rows: drafts } = await owner.query<{ id: string; version: number; text: string }>(
    `SELECT id, version, text FROM claims WHERE status = 'DRAFT' AND deleted_at IS NULL ORDER BY id`,
  );
  const editable = Object.fromEntries(
    active.map((server, i) => [server, drafts.filter((_, n) => n % active.length === i)]),
  ) as ProbeSetup['editable'];
  const { rows: editor } = await owner.query<{ id: string }>(`SELECT id FROM users WHERE lower(email) = lower($1)`, [scratch.editor.email]);
  return {
    setup: {
      searchWords: words,
      deepPages,
      editable,
      actor: `user:${editor[0]!.id}`,
      deepKey: { createdAt: deep[0]!.created_at, id: deep[0]!.id },
    },
    matches,
  };
}

/** Each server's own cursor for the same place in the list: this server's format for it and the raw handler, PostGraphile's from itself. */
async function deepCursors(
  key: { createdAt: Date; id: string },
  pages: number,
  postgraphile: RunningServer,
): Promise<ProbeSetup['deepCursor']> {
  const ours = Buffer.from(JSON.stringify([key.createdAt.toISOString(), key.id])).toString('base64url');
  const answer = await post(
    postgraphile,
    {
      path: '/graphql',
      body: JSON.stringify({
        query: `{ allClaims(first: 1, offset: ${pages * PAGE - 1}, orderBy: [CREATED_AT_DESC, ROW_ID_DESC]) { edges { cursor node { rowId } } } }`,
      }),
    },
    {},
  );
  const edge = answer.body?.data?.allClaims?.edges?.[0];
  if (!edge || edge.node.rowId !== key.id)
    throw new Error(`PostGraphile puts another claim at position ${pages * PAGE}: ${JSON.stringify(answer.body).slice(0, 300)}`);
  return { this: ours, baseline: ours, raw: ours, postgraphile: edge.cursor };
}

interface Counter {
  next: number;
}

/** One request of each query to each server, every answer brought to one shape and compared with this server's. */
async function checkEquivalence(
  probes: Probe[],
  active: ServerName[],
  servers: Partial<Record<ServerName, RunningServer>>,
  headers: (server: ServerName, probe: Probe) => Record<string, string>,
  counters: Map<string, Counter>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const probe of probes) {
    const shapes = {} as Record<ServerName, unknown>;
    for (const server of active) {
      const counter = counters.get(`${server}/${probe.key}`)!;
      const request = probe.request(server, counter.next++);
      const answer = await post(servers[server]!, request, headers(server, probe));
      if (failed(answer)) {
        problems.push(`${probe.key} on ${SERVER_TITLES[server]}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 400)}`);
        continue;
      }
      shapes[server] = probe.normalise(server, answer.body);
      if (request.expected !== undefined) {
        const difference = firstDifference(shapes[server], request.expected);
        if (difference) problems.push(`${probe.key} on ${SERVER_TITLES[server]} did not write what was asked: ${difference}`);
      }
    }
    if (isEmpty(shapes.this)) problems.push(`${probe.key}: this server answered nothing to compare`);
    if (probe.write) continue;
    for (const server of active.filter((s) => s !== 'this' && shapes[s] !== undefined)) {
      const difference = firstDifference(shapes[server], shapes.this);
      if (difference) problems.push(`${probe.key}: ${SERVER_TITLES[server]} differs from this server at ${difference}`);
    }
  }
  return problems;
}

const isEmpty = (shape: unknown) =>
  shape === undefined ||
  (Array.isArray(shape) && shape.length === 0) ||
  (typeof shape === 'object' && shape !== null && 'claims' in shape && (shape as { claims: unknown[] }).claims.length === 0);

async function load(
  server: RunningServer,
  probe: Probe,
  headers: Record<string, string>,
  counter: Counter,
  seconds: number,
  connections: number,
  overallRate?: number,
) {
  const latencies: number[] = [];
  let errors = 0;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, server.rss());
  }, 250);
  const instance = autocannon({
    url: server.baseUrl,
    connections,
    duration: seconds,
    ...(overallRate ? { overallRate } : {}),
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    requests: [
      {
        setupRequest: (request) => {
          const { path: requestPath, body } = probe.request(server.name, counter.next++);
          return { ...request, path: requestPath, body };
        },
        onResponse: (status, body) => {
          if (status !== 200 || body.includes('"errors"')) errors++;
        },
      },
    ],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  clearInterval(sampler);
  peakRss = Math.max(peakRss, server.rss());
  latencies.sort((a, b) => a - b);
  return { latencies, errors: errors + result.errors + result.timeouts, seconds: result.duration, peakRss };
}

/**
 * autocannon builds a request it may not send once its time is up, and the edit it holds then expects a version one
 * past the claim's: every later edit of that claim would be refused as stale. The versions are read again once the
 * server's last answers are in, before a timed window.
 */
async function syncVersions(owner: pg.Client, targets: Array<{ id: string; version: number }>): Promise<void> {
  const { rows } = await owner.query<{ id: string; version: number }>(`SELECT id, version FROM claims WHERE id = ANY($1::uuid[])`, [
    targets.map((target) => target.id),
  ]);
  const versions = new Map(rows.map((row) => [row.id, row.version]));
  for (const target of targets) target.version = versions.get(target.id) ?? target.version;
}

/** autocannon stops sending when its time is up, not when the server has finished: wait for the last answers. */
async function settled(server: RunningServer): Promise<number> {
  for (let previous = -1; ;) {
    const count = await server.statements();
    if (count === previous) return count;
    previous = count;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

/**
 * Warm-up, statements counted over sequential requests, then the timed window at saturation, with the CPU of
 * the server and of its backends read from /proc on either side of it (after the last answers are in), then
 * the same query offered at a fixed share of the rate just measured, for latency short of saturation.
 */
async function measure(
  server: RunningServer,
  probe: Probe,
  headers: Record<string, string>,
  counter: Counter,
  run: Options,
  meter: CpuMeter,
  inSync?: () => Promise<void>,
): Promise<Measurement> {
  await load(server, probe, headers, counter, run.warmup, run.connections);
  const before = await settled(server);
  await inSync?.();
  let sampleErrors = 0;
  for (let i = 0; i < STATEMENT_SAMPLES; i++)
    if (failed(await post(server, probe.request(server.name, counter.next++), headers))) sampleErrors++;
  const statements = ((await server.statements()) - before) / STATEMENT_SAMPLES;
  const start = await meter.snapshot(server.pid);
  const { latencies, errors, seconds, peakRss } = await load(server, probe, headers, counter, run.seconds, run.connections);
  await settled(server);
  const window = meter.window(server.pid, start, await meter.snapshot(server.pid));
  const requests = latencies.length;
  const requestsPerSecond = requests / seconds;
  let offered: Measurement['offered'] = null;
  let offeredErrors = 0;
  if (run.offeredSeconds > 0) {
    const rate = Math.max(1, Math.round(requestsPerSecond * OFFERED_SHARE));
    // Not waited out: the next window is another server's, or this one's warm-up.
    const at = await load(server, probe, headers, counter, run.offeredSeconds, run.connections, rate);
    offeredErrors = at.errors;
    offered = { rate, achieved: at.latencies.length / at.seconds, p50: percentile(at.latencies, 50), p99: percentile(at.latencies, 99) };
  }
  const perRequest = (cpuSeconds: number) => (requests > 0 ? (cpuSeconds * 1000) / requests : 0);
  return {
    requestsPerSecond,
    requests,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    offered,
    cpu: { node: perRequest(window.server), postgres: perRequest(window.backends), total: perRequest(window.server + window.backends) },
    otherLoad: window.other / window.seconds,
    errors: errors + sampleErrors + offeredErrors,
    statementsPerRequest: statements,
    peakRss: Math.max(peakRss, server.rss()),
  };
}

/**
 * Every edit the servers made: chains that verify, and a last state that is the record as the product reads it.
 * `chainsOnly` are the baseline's edits: an older build writes the state of an older declaration of a claim.
 */
async function checkEdits(scratch: ScratchDatabase, ids: string[], chainsOnly: Set<string>): Promise<string[]> {
  const manager = scratch.database.dataSource.manager;
  const problems: string[] = [];
  for (let from = 0; from < ids.length; from += 500) {
    const revisions = await manager.find(Revision, {
      where: { recordType: RecordType.CLAIM, recordId: In(ids.slice(from, from + 500)) },
      order: { recordId: 'ASC', version: 'ASC' },
    });
    const byRecord = new Map<string, Revision[]>();
    for (const revision of revisions) byRecord.set(revision.recordId, [...(byRecord.get(revision.recordId) ?? []), revision]);
    for (const [id, chain] of byRecord) {
      const broken = verifyRecordChain(chain);
      if (broken) problems.push(`claim ${id}: version ${broken.version}: ${broken.problem}`);
      if (!chainsOnly.has(id) && !isDeepStrictEqual(await ClaimRecord.loadState(manager, id), chain.at(-1)!.state))
        problems.push(`claim ${id}: the last revision's state is not the record`);
    }
  }
  return problems;
}

/** The vocabulary the corpus's events use, made as an editor would make it. */
async function main(): Promise<void> {
  const run = options();
  const baseline = run.baseline ? baselineServer(run.baseline) : null;
  const size = run.smoke ? SMOKE_CORPUS : FULL_CORPUS;
  const loadBefore = os.loadavg();
  log(
    `${run.smoke ? 'Smoke run' : 'Benchmark'}: ${size.sources} sources, ${size.claims} claims, ${size.events} events, ${size.entities} entities; ${os.cpus().length} cores, Node ${process.version}`,
  );

  // Without the seed article: its records would be the newest, and every page would list them instead of the corpus.
  const scratch = await startScratchDatabase({
    poolSize: POOL_SIZE,
    env: { DB_STATEMENT_TIMEOUT_MS: '600000' },
    settings: POSTGRES_SETTINGS,
    seed: false,
  });
  const owner = new pg.Client({ connectionString: scratch.ownerUrl });
  const servers: Partial<Record<ServerName, RunningServer>> = {};
  /** This server again, with its cache of public answers on, for the repeat reads. */
  let cachedThis: RunningServer | null = null;
  const problems: string[] = [];
  try {
    await owner.connect();
    await createEventTypes(scratch.database.dataSource);
    const loadStarted = performance.now();
    let lastReport = loadStarted;
    const counts = await bulkLoad(scratch.database.dataSource, generateCorpus(size), {
      ownerUrl: scratch.ownerUrl,
      onBatch(progress) {
        if (performance.now() - lastReport < 10_000) return;
        lastReport = performance.now();
        log(`  loaded ${progress.claims} claims, ${progress.revisions} revisions`);
      },
    });
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    const loadRate = `${(counts.claims / loadSeconds).toFixed(0)} claims/s with their evidence and revisions (${(counts.revisions / loadSeconds).toFixed(0)} revisions/s)`;
    log(
      `Loaded ${counts.sources} sources, ${counts.entities} entities, ${counts.events} events, ${counts.claims} claims, ${counts.evidence} evidence, ${counts.revisions} revisions in ${loadSeconds.toFixed(1)} s: ${loadRate}`,
    );

    const vacuumStarted = performance.now();
    await owner.query(BENCH_HELPERS);
    await owner.query(POSTGRAPHILE_SCHEMA);
    await owner.query('VACUUM (ANALYZE)');
    const vacuumSeconds = (performance.now() - vacuumStarted) / 1000;
    const {
      rows: [stats],
    } = await owner.query<{ text: number; size: string; version: string; statuses: string }>(
      `SELECT (SELECT avg(length(text))::int FROM source_revisions) AS text, pg_size_pretty(pg_database_size(current_database())) AS size,
              current_setting('server_version') AS version,
              (SELECT string_agg(status || ' ' || share || '%', ', ' ORDER BY n DESC)
                 FROM (SELECT status, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER ())::int AS share FROM claims GROUP BY status) s) AS statuses`,
    );

    const active: ServerName[] = SERVERS.filter((server) => server !== 'baseline' || baseline !== null);
    const { setup: prepared, matches } = await prepare(scratch, owner, run.smoke, active);
    for (const server of active)
      servers[server] = await startServer(
        server,
        server === 'baseline' ? baseline!.entry : ENTRIES[server],
        scratch.ownerUrl,
        POOL_SIZE,
        run.cpuProfileDir,
      );
    cachedThis = await startServer('this', ENTRIES.this, scratch.ownerUrl, POOL_SIZE, null, { PUBLIC_CACHE: 'true' });
    log(
      `Servers up: ${active.map((s) => `${SERVER_TITLES[s]} (pid ${servers[s]!.pid}, ${(servers[s]!.rss() / 2 ** 20).toFixed(0)} MiB)`).join(', ')}; this server with its cache on (pid ${cachedThis.pid})`,
    );
    const meter = await CpuMeter.create(owner, [...active.map((server) => servers[server]!.pid), cachedThis.pid]);
    const setup: ProbeSetup = { ...prepared, deepCursor: await deepCursors(prepared.deepKey, prepared.deepPages, servers.postgraphile!) };
    const cookies: Partial<Record<ServerName, string>> = {};
    for (const server of active.filter((s) => s === 'this' || s === 'baseline'))
      cookies[server] = await signIn(`${servers[server]!.baseUrl}/graphql`, scratch.editor);
    const headers = (server: ServerName, probe: Probe): Record<string, string> =>
      probe.write && cookies[server] ? { cookie: cookies[server] } : {};

    const probes = probesFor(setup).filter((probe) => !run.only || run.only.includes(probe.key));
    const counters = new Map(active.flatMap((server) => probes.map((probe) => [`${server}/${probe.key}`, { next: 0 }] as const)));
    problems.push(...(await checkEquivalence(probes, active, servers, headers, counters)));
    if (problems.length > 0) throw new Error(`Not equivalent:\n  - ${problems.join('\n  - ')}`);
    log(`All ${probes.length} queries answer alike on the ${active.length} servers`);

    const results: ProbeResult[] = [];
    const windows: Array<{ seconds: number; otherLoad: number }> = [];
    for (const probe of probes) {
      const rounds = Object.fromEntries(active.map((server) => [server, [] as Measurement[]])) as ProbeResult['rounds'];
      for (let round = 1; round <= run.rounds; round++) {
        // Each round starts with the next server, so none is always timed first (or always after the same one).
        const order = active.map((_, i) => active[(i + round - 1) % active.length]!);
        for (const server of order) {
          // A session past half its life is renewed on every request, whose new cookie autocannon never sends back:
          // an editor's console holds a fresh one, so each timed edit starts from a fresh sign-in.
          if (probe.write && cookies[server]) cookies[server] = await signIn(`${servers[server]!.baseUrl}/graphql`, scratch.editor);
          const m = await measure(
            servers[server]!,
            probe,
            headers(server, probe),
            counters.get(`${server}/${probe.key}`)!,
            run,
            meter,
            () => (probe.write ? syncVersions(owner, setup.editable[server]!) : Promise.resolve()),
          );
          rounds[server]!.push(m);
          windows.push({ seconds: run.seconds, otherLoad: m.otherLoad });
          log(
            `${probe.key.padEnd(22)} ${SERVER_TITLES[server].padEnd(21)} ${m.requestsPerSecond.toFixed(0).padStart(5)} req/s  CPU ${m.cpu.total.toFixed(2)} ms/req (node ${m.cpu.node.toFixed(2)}, pg ${m.cpu.postgres.toFixed(2)})  p50 ${m.p50.toFixed(1)} p99 ${m.p99.toFixed(1)} ms${m.offered ? `  at ${m.offered.achieved.toFixed(0)}/s p50 ${m.offered.p50.toFixed(1)} p99 ${m.offered.p99.toFixed(1)}` : ''}  ${m.statementsPerRequest.toFixed(1)} stmts  ${(m.peakRss / 2 ** 20).toFixed(0)} MiB  other load ${m.otherLoad.toFixed(2)} cores  ${m.errors} errors${run.rounds > 1 ? `  (round ${round})` : ''}`,
          );
          if (m.errors > 0) problems.push(`${probe.key} on ${SERVER_TITLES[server]}: ${m.errors} failed requests under load`);
        }
      }
      results.push({ key: probe.key, title: probe.title, rounds });
    }

    const repeatReads: RepeatRead[] = [];
    for (const probe of probes.filter((p) => !p.write)) {
      const uncachedAnswer = await post(servers.this!, probe.request('this', 0), {});
      const cachedAnswers = [await post(cachedThis, probe.request('this', 0), {}), await post(cachedThis, probe.request('this', 0), {})];
      for (const answer of cachedAnswers) {
        const difference = firstDifference(probe.normalise('this', answer.body), probe.normalise('this', uncachedAnswer.body));
        if (difference) problems.push(`${probe.key} from the cache differs: ${difference}`);
      }
      const read: RepeatRead = { key: probe.key, title: probe.title, uncached: [], cached: [] };
      const counter = { next: 0 };
      for (let round = 1; round <= run.rounds; round++) {
        const order = round % 2 ? (['uncached', 'cached'] as const) : (['cached', 'uncached'] as const);
        for (const which of order) {
          const m = await measure(which === 'cached' ? cachedThis : servers.this!, probe, {}, counter, run, meter);
          read[which].push(m);
          windows.push({ seconds: run.seconds, otherLoad: m.otherLoad });
          log(
            `repeat ${probe.key.padEnd(22)} cache ${which === 'cached' ? 'on ' : 'off'} ${m.requestsPerSecond.toFixed(0).padStart(5)} req/s  CPU ${m.cpu.total.toFixed(3)} ms/req (node ${m.cpu.node.toFixed(3)}, pg ${m.cpu.postgres.toFixed(3)})  p50 ${m.p50.toFixed(1)} p99 ${m.p99.toFixed(1)} ms  ${m.statementsPerRequest.toFixed(2)} stmts  ${m.errors} errors${run.rounds > 1 ? `  (round ${round})` : ''}`,
          );
          if (m.errors > 0) problems.push(`repeat ${probe.key}, cache ${which}: ${m.errors} failed requests under load`);
        }
      }
      repeatReads.push(read);
    }

    const editedBy = (server: ServerName) =>
      setup.editable[server]!.filter((target, i) => i < (counters.get(`${server}/update-claim`)?.next ?? 0)).map((target) => target.id);
    const edited = active.flatMap(editedBy);
    const byBaseline = new Set(active.includes('baseline') ? editedBy('baseline') : []);
    log(`Checking the ${edited.length} claims the servers edited, then every chain of the revision log`);
    problems.push(...(await checkEdits(scratch, edited, byBaseline)));
    const verifyStarted = performance.now();
    const chains = await auditLog(scratch.database.dataSource, {}, 2 * byBaseline.size + 1);
    // The baseline's edits write the state of its own, older, declaration of a claim (without the fields added
    // since), which the log's replay and row checks rightly find short; their hash chains are checked above.
    const excused = chains.problems.filter(
      (problem) => byBaseline.has(problem.recordId) && problem.kind !== LogProblemKind.CHAIN && problem.kind !== LogProblemKind.NO_ROW,
    );
    const unexcused = chains.problems.filter((problem) => !excused.includes(problem));
    if (unexcused.length > 0 || chains.truncated) problems.push(`revision log audit: ${JSON.stringify(unexcused[0] ?? 'truncated')}`);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    log(
      `Every chain verifies: ${chains.revisions} revisions of ${chains.records} records in ${verifySeconds.toFixed(1)} s; ${edited.length} claims edited by the servers read back as their last revisions say${byBaseline.size > 0 ? ` (${excused.length} replay or row differences on the baseline's ${byBaseline.size} edited claims: its older declaration of a claim)` : ''}`,
    );
    const totalSeconds = windows.reduce((sum, w) => sum + w.seconds, 0);
    const otherLoad: LoadVerdict = {
      mean: windows.reduce((sum, w) => sum + w.otherLoad * w.seconds, 0) / totalSeconds,
      max: Math.max(...windows.map((w) => w.otherLoad)),
      threshold: run.maxOtherLoad,
      busy: false,
    };
    otherLoad.busy = otherLoad.mean > otherLoad.threshold;
    log(loadLine(otherLoad));

    const loadAfter = os.loadavg();
    const report: RunReport = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
      servers: active,
      load: otherLoad,
      command: run.smoke
        ? 'npm run bench -- --smoke'
        : `npm run bench${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`,
      machine: [
        `Machine: ${os.cpus()[0]?.model.trim()}, ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.type()} ${os.release()}`,
        `Load average (1/5/15 min) before the run ${loadBefore.map((n) => n.toFixed(2)).join(' / ')}, after ${loadAfter.map((n) => n.toFixed(2)).join(' / ')}: ${loadBefore[0]! > 0.5 ? 'the machine was busy with other work when the run started' : 'the machine was otherwise idle'}`,
      ],
      versions: [
        `Node ${process.version}; PostgreSQL ${stats!.version} (embedded; ${Object.entries(POSTGRES_SETTINGS)
          .map(([name, value]) => `${name}=${value}`)
          .join(', ')}); one machine for the servers, PostgreSQL and autocannon`,
        `This server: @apollo/server ${packageVersion('@apollo/server')}, express ${packageVersion('express')}, type-graphql ${packageVersion('type-graphql')}, graphql ${packageVersion('graphql')}, TypeORM ${packageVersion('typeorm')}, pg ${packageVersion('pg')}, production mode`,
        `PostGraphile ${packageVersion('postgraphile')} (grafast ${packageVersion('grafast')}), Amber preset without the Node interface, over views of what an anonymous caller may see`,
        `Raw SQL: node:http and pg ${packageVersion('pg')}, one hand-written statement per request that builds the answer's JSON; autocannon ${packageVersion('autocannon')}`,
      ],
      corpus: [
        `${counts.sources} sources (texts of ${stats!.text} characters on average), ${counts.entities} entities, ${counts.events} events, ${counts.claims} claims (${stats!.statuses}; anonymous callers see VERIFIED and RETRACTED), ${counts.evidence} evidence, ${counts.revisions} revisions; ${stats!.size} on disk`,
        `Bulk load: ${loadSeconds.toFixed(1)} s, ${loadRate}; every quote anchored by the API's check and again by the database's trigger; VACUUM ANALYZE and the PostGraphile views ${vacuumSeconds.toFixed(1)} s`,
        `After the run every chain verifies (${chains.revisions} revisions of ${chains.records} records, ${verifySeconds.toFixed(1)} s), and the ${edited.length} claims the servers edited read back as their last revisions say${byBaseline.size > 0 ? ` (the baseline's ${byBaseline.size} as far as its older declaration of a claim goes: their chains verify, ${excused.length} replays or rows lack the fields added since)` : ''}`,
      ],
      method: [
        `Each query on each server: ${run.warmup} s of warm-up, ${STATEMENT_SAMPLES} sequential requests to count SQL statements (every statement a pool sends, BEGIN and COMMIT included, counted in the server's process), then ${run.seconds} s of autocannon at ${run.connections} connections (saturation): requests per second, latency percentiles over every request, peak RSS of the server's process; then ${run.offeredSeconds} s at a fixed offered load of ${OFFERED_SHARE * 100} % of the rate just measured (autocannon's overallRate, same connections), for latency short of saturation`,
        `CPU per request over the timed window at saturation (from after the last answer before it to after the last answer of it): user and system time of the server's process and of the PostgreSQL backends serving its pool (found by matching the client ports of its sockets in pg_stat_activity), from /proc/<pid>/stat, over the requests answered; autocannon, the idle servers and PostgreSQL's background processes are counted apart, and the machine's remaining busy time (/proc/stat) is other tenants' load`,
        `${run.rounds} round${run.rounds > 1 ? 's' : ''}, the servers in turn in each, each round starting with the next server: the median of the rounds is reported with their range; ratios are taken per round (round i of two servers ran within the same few minutes), then their median and range`,
        ...(baseline
          ? [`${SERVER_TITLES.baseline}: this server built from commit ${baseline.describe}, started the same way over the same database`]
          : []),
        `Servers run one at a time against one PostgreSQL, each in its own process with a pool of ${POOL_SIZE} connections acting as the same database role; reads are anonymous, the update is signed in as an editor on this server (session cookie checked against the database) and unauthenticated on PostGraphile and the raw handler, which take the actor as an argument`,
        `Search: "${setup.searchWords}" (${matches} public claims match, all ranked); deep page: ${setup.deepPages} pages of ${PAGE} in; each server edits draft claims of its own`,
      ],
      results,
      repeatReads,
      checks: [
        `Before timing, every query answered the same records with the same fields in the same order on the ${active.length} servers (cursors aside: each server has its own), and each update answered the version and text asked for`,
        problems.length === 0 ? 'No request failed under load' : `Problems: ${problems.join('; ')}`,
      ],
    };
    const markdown = formatReport(report);
    console.log(`\n${markdown}\n`);
    if (run.json) {
      fs.writeFileSync(run.json, JSON.stringify(report, null, 2));
      log(`Wrote ${run.json}`);
    }
    if (run.smoke) {
      // CI's run: writes nothing.
    } else if (otherLoad.busy && !run.writeBusy) {
      log(
        `Not writing ${path.relative(repoRoot, run.out)}: other tenants used ${otherLoad.mean.toFixed(2)} cores on average, above ${otherLoad.threshold.toFixed(2)} (--write-busy writes it anyway, labelled busy)`,
      );
    } else {
      writeReport(run.out, markdown, '# Performance: this server, PostGraphile and raw SQL on one corpus');
      log(`Wrote ${path.relative(repoRoot, run.out)}${otherLoad.busy ? ', labelled busy' : ''}`);
    }
    if (problems.length > 0) throw new Error(`Problems:\n  - ${problems.join('\n  - ')}`);
  } finally {
    for (const server of [...Object.values(servers), cachedThis]) await server?.stop();
    await owner.end().catch(() => undefined);
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
