import os from 'node:os';

import { type GraphQLAnswer, percentile, signIn } from './scratch.js';

/** A server the load is sent to: its /graphql, as the signed-in editor unless `signedIn` is false. */
export interface LoadTarget {
  post(query: string, variables?: Record<string, unknown>, signedIn?: boolean): Promise<GraphQLAnswer>;
}

export interface LoadOptions {
  seconds: number;
  clients: number;
  /** Printed every 10 s beside the load's own memory, so a long run shows whether it stays flat. */
  sample?: () => string;
}

export interface LoadResult {
  total: number;
  errors: number;
  conflicts: number;
  /** Sorted latencies in ms, per kind of request. */
  times: Map<string, number[]>;
  /** The first few errors' answers, to say what failed. */
  firstErrors: string[];
}

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

/** A server reached over HTTP at `base` (scheme, host and port), signed in as `editor`. */
export async function remoteTarget(base: string, editor: { email: string; password: string }): Promise<LoadTarget> {
  const graphql = new URL('/graphql', base).toString();
  const cookie = await signIn(graphql, editor);
  return {
    async post(query, variables = {}, signedIn = true) {
      const response = await fetch(graphql, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: signedIn ? cookie : '' },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, headers: response.headers, body: await response.json() };
    },
  };
}

/**
 * The mixed load: 90% anonymous reads (a page of claims, a claim's provenance, a search, events in a month), 10%
 * updates by the signed-in editor; client n sends all its requests to target n mod targets. An error is anything
 * but data or an expected CONFLICT.
 */
export async function runLoad(targets: LoadTarget[], { seconds, clients, sample }: LoadOptions): Promise<LoadResult> {
  const entities = (
    (await targets[0]!.post('{ entities(first: 50) { edges { node { id } } } }')).body.data.entities.edges as Array<{
      node: { id: string };
    }>
  ).map((e) => e.node.id);
  const times = new Map<string, number[]>();
  const firstErrors: string[] = [];
  let errors = 0;
  let conflicts = 0;
  const record = (kind: string, ms: number) => {
    const list = times.get(kind);
    if (list) list.push(ms);
    else times.set(kind, [ms]);
  };
  const failed = (kind: string, answer: GraphQLAnswer) => {
    errors++;
    if (firstErrors.length < 5) firstErrors.push(`${kind}: HTTP ${answer.status} ${JSON.stringify(answer.body?.errors ?? answer.body)}`);
  };
  console.log(
    `Load: ${clients} clients over ${targets.length} server${targets.length === 1 ? '' : 's'}, ${seconds} s, 90% reads / 10% updates, over HTTP, production mode; ${os.cpus().length} cores, Node ${process.version}`,
  );
  const started = performance.now();
  const deadline = started + seconds * 1000;
  const sampler = setInterval(() => {
    const elapsed = ((performance.now() - started) / 1000).toFixed(0);
    const memory = process.memoryUsage();
    console.log(
      `  ${elapsed.padStart(4)} s  load rss ${(memory.rss / 2 ** 20).toFixed(0)} MiB  heap ${(memory.heapUsed / 2 ** 20).toFixed(0)} MiB${sample ? `  ${sample()}` : ''}`,
    );
  }, 10_000);
  try {
    await Promise.all(
      Array.from({ length: clients }, async (_, client) => {
        const target = targets[client % targets.length]!;
        for (let n = 0; performance.now() < deadline; n++) {
          const begin = performance.now();
          if ((client * 7 + n) % 10 === 0) {
            const id = entities[(client + n) % entities.length]!;
            const read = await target.post('query($id: ID!) { entity(id: $id) { version } }', { id });
            const result = await target.post('mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }', {
              input: { id, expectedVersion: read.body.data?.entity?.version, description: `load ${client}/${n}` },
            });
            if (result.body.errors?.[0]?.extensions?.code === 'CONFLICT') conflicts++;
            else if (result.status !== 200 || result.body.errors) failed('update', result);
            record('update', performance.now() - begin);
          } else {
            const [kind, query] = READS[(client + n) % READS.length]!;
            const result = await target.post(query, {}, false);
            if (result.status !== 200 || result.body.errors) failed(kind, result);
            record(kind, performance.now() - begin);
          }
        }
      }),
    );
  } finally {
    clearInterval(sampler);
  }
  for (const list of times.values()) list.sort((x, y) => x - y);
  const total = [...times.values()].reduce((sum, list) => sum + list.length, 0);
  return { total, errors, conflicts, times, firstErrors };
}

/** The run's totals and each kind's percentiles, as `npm run load` and `npm run cluster` print them. */
export function printLoad({ total, errors, conflicts, times, firstErrors }: LoadResult, seconds: number): void {
  console.log(
    `\n${total} requests in ${seconds} s: ${(total / seconds).toFixed(0)} per second; ${errors} errors; ${conflicts} expected conflicts`,
  );
  const all = [...times.values()].flat().sort((x, y) => x - y);
  for (const [kind, list] of [...times, ['all', all] as const]) {
    console.log(
      `  ${kind.padEnd(18)} ${String(list.length).padStart(6)}  p50 ${percentile(list, 50).toFixed(1).padStart(6)} ms  p95 ${percentile(list, 95).toFixed(1).padStart(6)} ms  p99 ${percentile(list, 99).toFixed(1).padStart(6)} ms`,
    );
  }
  for (const error of firstErrors) console.log(`  error: ${error.slice(0, 400)}`);
}
