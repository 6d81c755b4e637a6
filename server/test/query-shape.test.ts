import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { createTestDatabase, type TestDatabase } from './support/database.js';
import { PRODUCTION_ENV, startTestServer, type TestServer } from './support/http.js';

/**
 * Each takes a few milliseconds of CPU with fragments measured once; following every spread afresh, the first took
 * 7.6 s and the larger ones never finish. The server runs in this process, so its CPU time is this process's: unlike
 * the wall clock, it does not grow when other work shares the machine.
 */
const CPU_BOUND_MS = 1000;
const NO_CLAIM = '00000000-0000-4000-8000-000000000000';

/** `fragment F{i} on Claim { <spreads of F{i-1}> }` down to F0: `width` to the power `levels` copies of `leaf`. */
function chain(levels: number, width: number, leaf: string, spread = (name: string) => `...${name}`): string {
  const fragments = [`fragment F0 on Claim { ${leaf} }`];
  for (let i = 1; i <= levels; i++)
    fragments.push(`fragment F${i} on Claim { ${Array.from({ length: width }, () => spread(`F${i - 1}`)).join(' ')} }`);
  return fragments.join(' ');
}

const HOSTILE: Record<string, string> = {
  'doubling fragments (925 bytes)': `{ claims { edges { node { ...F22 } } } } ${chain(22, 2, 'id text')}`,
  'doubling fragments to the token limit': `{ claims { edges { node { ...F400 } } } } ${chain(400, 2, 'id')}`,
  'nested fragments with fields': `{ claims { edges { node { ...F60 } } } } ${chain(60, 2, 'id text claimant { name aliases }', (name) => `text claimant { name } ...${name}`)}`,
  'wide fragments': `{ claims { edges { node { ...F12 } } } } ${chain(12, 30, 'id')}`,
  'repeated inline fragments': `{ claims { edges { node { ...F80 } } } } ${chain(80, 3, 'id', (name) => `... on Claim { ...${name} }`)}`,
  'aliases through fragments': `{ claim(id: "${NO_CLAIM}") { ...F24 } } ${chain(24, 2, 'a: id b: text')}`,
};

async function timed<T>(run: () => Promise<T>): Promise<{ cpuMs: number; result: T }> {
  const started = process.cpuUsage();
  const result = await run();
  const { user, system } = process.cpuUsage(started);
  return { cpuMs: (user + system) / 1000, result };
}

describe.each([
  ['development', { NODE_ENV: 'development' }],
  ['production', PRODUCTION_ENV],
])('fragment bombs, anonymous, in %s', (_name, env) => {
  let db: TestDatabase;
  let server: TestServer;

  beforeAll(async () => {
    db = await createTestDatabase();
    server = await startTestServer(db, env);
  });
  afterAll(async () => {
    await server.close();
    await db.drop();
  });

  it.each(Object.entries(HOSTILE))('refuses %s with a coded 400 at once, /healthz answering meanwhile', async (_shape, query) => {
    // Twice: the second run of a short document is where it would be compiled.
    for (let round = 0; round < 2; round++) {
      const [answer, health] = await Promise.all([timed(() => server.post({ query })), fetch(`${server.url}/healthz`)]);
      expect(answer.result.status, JSON.stringify(answer.result.body).slice(0, 300)).toBe(400);
      expect(answer.result.body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(answer.result.body.errors[0].message).toMatch(/selections|aliases|levels deep/);
      expect(answer.cpuMs).toBeLessThan(CPU_BOUND_MS);
      expect(health.status).toBe(200);
    }
  });

  it('answers a document that spreads fragments to just under the limit, also on the run that compiles it', async () => {
    // F11 spreads to 2^12 fields and about as many spreads: under the selection and cost limits, so it runs.
    const query = `{ claim(id: "${NO_CLAIM}") { ...F11 } } ${chain(11, 2, 'id text')}`;
    for (let round = 0; round < 3; round++) {
      const answer = await timed(() => server.post({ query }));
      expect(answer.result.body).toEqual({ data: { claim: null } });
      expect(answer.cpuMs).toBeLessThan(CPU_BOUND_MS);
    }
  });
});
