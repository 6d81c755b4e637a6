/**
 * `npm run bench [-- --smoke] [-- --seconds 15 --connections 16]`: this server against PostGraphile 5 and a raw
 * SQL handler, in one run, on one database. Generates the corpus (deterministic) and bulk-loads it with its
 * revisions, gives PostGraphile its views, starts the three servers as processes of their own, checks that each
 * answers every query with the same records in the same order, then times each query on each server with
 * autocannon at fixed concurrency: requests per second, latency percentiles, SQL statements per request and the
 * server's memory. The full run rewrites the generated part of docs/perf.md; `--smoke` runs a small corpus for CI
 * and fails on a broken or non-equivalent query, never on slowness.
 */
import 'reflect-metadata';

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
import { EventsService } from '../../src/modules/events/events.service.js';
import { EvidenceService } from '../../src/modules/evidence/evidence.service.js';
import { HistoryService } from '../../src/modules/history/history.service.js';
import { reopenAfterEvidenceChange } from '../../src/modules/review/review.service.js';
import { repoRoot } from '../../src/paths.js';
import { bulkLoad, IMPORT_ACTOR, IMPORT_REASON } from '../corpus/bulk-load.js';
import { FULL_CORPUS, generateCorpus, SMOKE_CORPUS } from '../corpus/generate.js';
import { EVENT_TYPES, RUSSIAN_LAST } from '../corpus/vocabulary.js';
import { percentile, type ScratchDatabase, signIn, startScratchDatabase } from '../scratch.js';
import { type HttpRequest, PAGE, type Probe, type ProbeSetup, probesFor, SERVER_TITLES, type ServerName, SERVERS } from './queries.js';
import { formatReport, type Measurement, type ProbeResult, type RunReport, writeReport } from './report.js';
import { type RunningServer, startServer } from './servers.js';
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
  /** Each query is timed on the three servers in turn, this many times over. */
  rounds: number;
  seconds: number;
  warmup: number;
  connections: number;
  out: string;
}

function options(): Options {
  const { values } = parseArgs({
    options: {
      smoke: { type: 'boolean', default: false },
      seconds: { type: 'string' },
      connections: { type: 'string' },
      out: { type: 'string', default: path.join(repoRoot, 'docs', 'perf.md') },
    },
  });
  const smoke = values.smoke!;
  return {
    smoke,
    rounds: smoke ? 1 : 2,
    seconds: Number(values.seconds ?? (smoke ? 2 : 15)),
    warmup: smoke ? 1 : 5,
    connections: Number(values.connections ?? (smoke ? 4 : 16)),
    out: values.out!,
  };
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
    SERVERS.map((server, i) => [server, drafts.filter((_, n) => n % SERVERS.length === i)]),
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
): Promise<Record<ServerName, string>> {
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
  return { this: ours, raw: ours, postgraphile: edge.cursor };
}

interface Counter {
  next: number;
}

/** One request of each query to each server, every answer brought to one shape and compared with this server's. */
async function checkEquivalence(
  probes: Probe[],
  servers: Record<ServerName, RunningServer>,
  headers: (server: ServerName, probe: Probe) => Record<string, string>,
  counters: Map<string, Counter>,
): Promise<string[]> {
  const problems: string[] = [];
  for (const probe of probes) {
    const shapes = {} as Record<ServerName, unknown>;
    for (const server of SERVERS) {
      const counter = counters.get(`${server}/${probe.key}`)!;
      const request = probe.request(server, counter.next++);
      const answer = await post(servers[server], request, headers(server, probe));
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
    for (const server of SERVERS.filter((s) => s !== 'this' && shapes[s] !== undefined)) {
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

/** autocannon stops sending when its time is up, not when the server has finished: wait for the last answers. */
async function settled(server: RunningServer): Promise<number> {
  for (let previous = -1; ;) {
    const count = await server.statements();
    if (count === previous) return count;
    previous = count;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

async function measure(
  server: RunningServer,
  probe: Probe,
  headers: Record<string, string>,
  counter: Counter,
  run: Options,
): Promise<Measurement> {
  await load(server, probe, headers, counter, run.warmup, run.connections);
  const before = await settled(server);
  let sampleErrors = 0;
  for (let i = 0; i < STATEMENT_SAMPLES; i++)
    if (failed(await post(server, probe.request(server.name, counter.next++), headers))) sampleErrors++;
  const statements = ((await server.statements()) - before) / STATEMENT_SAMPLES;
  const { latencies, errors, seconds, peakRss } = await load(server, probe, headers, counter, run.seconds, run.connections);
  await settled(server);
  return {
    requestsPerSecond: latencies.length / seconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: errors + sampleErrors,
    statementsPerRequest: statements,
    peakRss,
    otherRounds: [],
  };
}

/**
 * The round with the most requests a second, the others' rates kept beside it. The machine is shared: another
 * tenant's burst can slow a round down, nothing here can speed one up.
 */
function bestRound(rounds: Measurement[]): Measurement {
  const best = rounds.reduce((a, b) => (b.requestsPerSecond > a.requestsPerSecond ? b : a));
  return {
    ...best,
    errors: rounds.reduce((sum, m) => sum + m.errors, 0),
    otherRounds: rounds.filter((m) => m !== best).map((m) => m.requestsPerSecond),
  };
}

/** Every edit the three servers made: chains that verify, and a last state that is the record as the product reads it. */
async function checkEdits(scratch: ScratchDatabase, ids: string[]): Promise<string[]> {
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
      if (!isDeepStrictEqual(await ClaimRecord.loadState(manager, id), chain.at(-1)!.state))
        problems.push(`claim ${id}: the last revision's state is not the record`);
    }
  }
  return problems;
}

/** The vocabulary the corpus's events use, made as an editor would make it. */
async function createEventTypes(scratch: ScratchDatabase): Promise<void> {
  const { dataSource } = scratch.database;
  const events = new EventsService(dataSource, new EvidenceService(dataSource, reopenAfterEvidenceChange));
  const context = { actor: IMPORT_ACTOR, actorUserId: null, requestId: null };
  for (const type of EVENT_TYPES) await events.createType(context, { ...type, reason: IMPORT_REASON });
}

async function main(): Promise<void> {
  const run = options();
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
  const servers = {} as Record<ServerName, RunningServer>;
  const problems: string[] = [];
  try {
    await owner.connect();
    await createEventTypes(scratch);
    const loadStarted = performance.now();
    let lastReport = loadStarted;
    const counts = await bulkLoad(scratch.database.dataSource, generateCorpus(size), {
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

    const { setup: prepared, matches } = await prepare(scratch, owner, run.smoke);
    for (const server of SERVERS) servers[server] = await startServer(server, scratch.ownerUrl, POOL_SIZE);
    log(
      `Servers up: ${SERVERS.map((s) => `${SERVER_TITLES[s]} (pid ${servers[s].pid}, ${(servers[s].rss() / 2 ** 20).toFixed(0)} MiB)`).join(', ')}`,
    );
    const setup: ProbeSetup = { ...prepared, deepCursor: await deepCursors(prepared.deepKey, prepared.deepPages, servers.postgraphile) };
    const cookie = await signIn(`${servers.this.baseUrl}/graphql`, scratch.editor);
    const headers = (server: ServerName, probe: Probe): Record<string, string> => (server === 'this' && probe.write ? { cookie } : {});

    const probes = probesFor(setup);
    const counters = new Map(SERVERS.flatMap((server) => probes.map((probe) => [`${server}/${probe.key}`, { next: 0 }] as const)));
    problems.push(...(await checkEquivalence(probes, servers, headers, counters)));
    if (problems.length > 0) throw new Error(`Not equivalent:\n  - ${problems.join('\n  - ')}`);
    log(`All ${probes.length} queries answer alike on the three servers`);

    const results: ProbeResult[] = [];
    for (const probe of probes) {
      const rounds = Object.fromEntries(SERVERS.map((server) => [server, [] as Measurement[]])) as Record<ServerName, Measurement[]>;
      for (let round = 1; round <= run.rounds; round++) {
        for (const server of SERVERS) {
          const m = await measure(servers[server], probe, headers(server, probe), counters.get(`${server}/${probe.key}`)!, run);
          rounds[server].push(m);
          log(
            `${probe.key.padEnd(24)} ${SERVER_TITLES[server].padEnd(15)} ${m.requestsPerSecond.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(1).padStart(6)}  p95 ${m.p95.toFixed(1).padStart(6)}  p99 ${m.p99.toFixed(1).padStart(6)} ms  ${m.statementsPerRequest.toFixed(1).padStart(5)} statements  ${(m.peakRss / 2 ** 20).toFixed(0).padStart(4)} MiB  ${m.errors} errors${run.rounds > 1 ? `  (round ${round})` : ''}`,
          );
          if (m.errors > 0) problems.push(`${probe.key} on ${SERVER_TITLES[server]}: ${m.errors} failed requests under load`);
        }
      }
      results.push({
        key: probe.key,
        title: probe.title,
        servers: Object.fromEntries(SERVERS.map((server) => [server, bestRound(rounds[server])])) as Record<ServerName, Measurement>,
      });
    }

    const edited = SERVERS.flatMap((server) =>
      setup.editable[server].filter((target, i) => i < counters.get(`${server}/update-claim`)!.next).map((target) => target.id),
    );
    problems.push(...(await checkEdits(scratch, edited)));
    const verifyStarted = performance.now();
    const chains = await new HistoryService(scratch.database.dataSource).verifyChains();
    if (chains.firstBreak) problems.push(`revision chain broken: ${JSON.stringify(chains.firstBreak)}`);
    const verifySeconds = (performance.now() - verifyStarted) / 1000;
    log(
      `Every chain verifies: ${chains.revisions} revisions of ${chains.records} records in ${verifySeconds.toFixed(1)} s; ${edited.length} claims edited by the three servers read back as their last revisions say`,
    );

    const loadAfter = os.loadavg();
    const report: RunReport = {
      date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
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
        `After the run every chain verifies (${chains.revisions} revisions of ${chains.records} records, ${verifySeconds.toFixed(1)} s), and the ${edited.length} claims the three servers edited read back as their last revisions say`,
      ],
      method: [
        `Each query on each server: ${run.warmup} s of warm-up, ${STATEMENT_SAMPLES} sequential requests to count SQL statements (every statement a pool sends, BEGIN and COMMIT included, counted in the server's process), then ${run.seconds} s of autocannon at ${run.connections} connections; latency percentiles over every request of that run; peak RSS of the server's process during it`,
        ...(run.rounds > 1
          ? [
              `${run.rounds} rounds, the three servers in turn in each: each server's best round is reported, with its latencies, and the other round's rate in brackets (the machine is shared, and another tenant's burst can slow a round down, never speed one up)`,
            ]
          : []),
        `Servers run one at a time against one PostgreSQL, each in its own process with a pool of ${POOL_SIZE} connections acting as the same database role; reads are anonymous, the update is signed in as an editor on this server (session cookie checked against the database) and unauthenticated on the other two, which take the actor as an argument`,
        `Search: "${setup.searchWords}" (${matches} public claims match, all ranked); deep page: ${setup.deepPages} pages of ${PAGE} in; each server edits draft claims of its own`,
      ],
      results,
      checks: [
        'Before timing, every query answered the same records with the same fields in the same order on the three servers (cursors aside: each server has its own), and each update answered the version and text asked for',
        problems.length === 0 ? 'No request failed under load' : `Problems: ${problems.join('; ')}`,
      ],
    };
    const markdown = formatReport(report);
    console.log(`\n${markdown}\n`);
    if (!run.smoke) {
      writeReport(run.out, markdown, '# Performance: this server, PostGraphile and raw SQL on one corpus');
      log(`Wrote ${path.relative(repoRoot, run.out)}`);
    }
    if (problems.length > 0) throw new Error(`Problems:\n  - ${problems.join('\n  - ')}`);
  } finally {
    for (const server of Object.values(servers)) await server.stop();
    await owner.end().catch(() => undefined);
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
