import { createClient } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import WebSocket from 'ws';

import { loadConfig } from '../src/config.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { seedAll } from '../src/seed/seed.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';
import { findPgbouncer, type Pgbouncer, PGBOUNCER_ABSENT, type PoolMode, startPgbouncer } from './support/pgbouncer.js';

const pgbouncer = findPgbouncer();

/** Absent locally: says why and reports the test as skipped with that reason. Absent in CI: fails, since CI installs it. */
function withoutPgbouncer(context: TestContext): never {
  if (process.env.CI) throw new Error(`${PGBOUNCER_ABSENT} (CI is set: .ci/run installs pgbouncer, so its absence is a failure)`);
  console.warn(PGBOUNCER_ABSENT);
  return context.skip(PGBOUNCER_ABSENT);
}

const CLAIMS = `{ claims(first: 10) { totalCount edges { node { id text claimantName claimant { name } evidence { selector { exact } source { title } } } } } }`;
const SEARCH = `{ search(query: "Myanmar", first: 5) { edges { node { type snippet record { ... on Claim { id text } ... on Entity { id name } } } } } }`;
const ENTITIES = `{ entities(first: 5) { edges { node { id name version } } } }`;
const CREATE_ENTITY = `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`;
const UPDATE_ENTITY = `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version description } }`;
const CHANGES = `query($after: String) { changes(after: $after, recordTypes: [ENTITY], first: 100) { cursor hasMore changes { recordId version kind } } }`;
const DELIVERY_TIMEOUT_MS = 15_000;

type LiveChange = { recordId: string; kind: string; version: number };

/** The live feed from `after`, signed in with `cookie`, with a way to wait for the first change to a record. */
function followLive(server: TestServer, cookie: string, after: string) {
  class WithCookie extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, { headers: { cookie } });
    }
  }
  const client = createClient({ url: `${server.url.replace('http', 'ws')}/graphql`, webSocketImpl: WithCookie, retryAttempts: 0 });
  const received: LiveChange[] = [];
  const waiting = new Set<() => void>();
  let failure: Error | null = null;
  client.subscribe<{ changes: LiveChange }>(
    {
      query: `subscription($after: String) { changes(after: $after, recordTypes: [ENTITY]) { recordId kind version } }`,
      variables: { after },
    },
    {
      next: (result) => {
        if (result.errors) failure = new Error(JSON.stringify(result.errors));
        if (result.data) received.push(result.data.changes);
        for (const check of waiting) check();
      },
      error: (error) => {
        failure = error instanceof Error ? error : new Error(JSON.stringify(error));
        for (const check of waiting) check();
      },
      complete: () => undefined,
    },
  );
  const until = (recordId: string) =>
    new Promise<LiveChange>((resolve, reject) => {
      const check = () => {
        const found = received.find((change) => change.recordId === recordId);
        if (found || failure) {
          clearTimeout(timer);
          waiting.delete(check);
          if (found) resolve(found);
          else reject(failure!);
        }
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`No change to ${recordId} arrived over the subscription`));
      }, DELIVERY_TIMEOUT_MS);
      waiting.add(check);
      check();
    });
  return { until, close: () => client.dispose() };
}

describe('the API behind PgBouncer', () => {
  let db: TestDatabase;
  let editor: TestUser;
  let reviewer: TestUser;

  beforeAll(async () => {
    if (!pgbouncer) return;
    db = await createTestDatabase();
    await seedAll(db.dataSource);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
  });
  afterAll(async () => {
    await db?.drop();
  });

  /** A server whose pool goes through a PgBouncer of its own in `mode`, with the settings the README gives for it. */
  async function behind(mode: PoolMode, env: Record<string, string>) {
    // Session mode holds a server connection per client: the pool's ten and the listener's one.
    const bouncer = await startPgbouncer(pgbouncer!, db.appUrl, mode, mode === 'session' ? 12 : 3);
    const pooled: Database = createDataSource(bouncer.urlFor(db.appUrl), loadConfig({ NODE_ENV: 'test', ...env }).db);
    await pooled.dataSource.initialize();
    const errors: string[] = [];
    const server = await startTestServer(pooled, env, (message, error) => errors.push(`${message}: ${(error as Error)?.message}`));
    return {
      server,
      bouncer,
      errors,
      async close() {
        await server.close();
        await pooled.dataSource.destroy();
        await bouncer.stop();
      },
    };
  }

  /** Reads, writes, a conflict, the change feed and a subscription, some of them at once, as clients would. */
  async function exercise(server: TestServer, bouncer: Pgbouncer, errors: string[]) {
    const editorCookie = await signIn(server, editor);
    const reviewerCookie = await signIn(server, reviewer);
    const ask = async (query: string, variables: Record<string, unknown> = {}, cookie = editorCookie) => {
      const { body } = await server.post({ query, variables }, { cookie });
      if (body.errors) throw new Error(`${JSON.stringify(body.errors)}\nserver: ${errors.join('\n')}\npgbouncer: ${bouncer.output()}`);
      return body.data;
    };

    const reads = [CLAIMS, SEARCH, ENTITIES];
    const together = await Promise.all(
      Array.from({ length: 24 }, (_, n) => ask(reads[n % reads.length]!, {}, n % 2 ? reviewerCookie : editorCookie)),
    );
    for (let n = 0; n < 9; n++) expect(await ask(reads[n % reads.length]!)).toEqual(together[n % reads.length]);
    expect(together[0].claims.totalCount).toBeGreaterThan(0);

    let start = (await ask(CHANGES)).changes;
    while (start.hasMore) start = (await ask(CHANGES, { after: start.cursor })).changes;
    const createEntity = async (name: string) => (await ask(CREATE_ENTITY, { input: { name, kind: 'OTHER' } })).createEntity;
    const live = followLive(server, editorCookie, start.cursor);
    try {
      // Once the subscription has delivered what was written before, it waits, and only a notification wakes it in time.
      await live.until((await createEntity('Written before the subscription waits')).id);
      const entity = await createEntity('Written through the pooler');
      const { updateEntity } = await ask(UPDATE_ENTITY, { input: { id: entity.id, expectedVersion: 1, description: 'second' } });
      expect(updateEntity).toEqual({ version: 2, description: 'second' });
      const stale = await server.post(
        { query: UPDATE_ENTITY, variables: { input: { id: entity.id, expectedVersion: 1, description: 'from a stale read' } } },
        { cookie: editorCookie },
      );
      expect(stale.body.errors[0].extensions).toMatchObject({ code: 'CONFLICT', currentVersion: 2 });
      expect(await live.until(entity.id)).toMatchObject({ recordId: entity.id, kind: 'APPEARED' });
    } finally {
      await live.close();
    }
    const { changes: after } = await ask(CHANGES, { after: start.cursor });
    expect(after.changes.map((change: LiveChange) => change.version)).toEqual([1, 1, 2]);
    expect(errors).toEqual([]);
  }

  it('in session mode, with named prepared statements kept and LISTEN through the pooler', async (context) => {
    if (!pgbouncer) withoutPgbouncer(context);
    const { server, bouncer, errors, close } = await behind('session', {});
    try {
      await exercise(server, bouncer, errors);
    } finally {
      await close();
    }
  });

  it('in transaction mode, with DATABASE_PREPARED_STATEMENTS=false and LISTEN on DATABASE_LISTEN_URL, straight to PostgreSQL', async (context) => {
    if (!pgbouncer) withoutPgbouncer(context);
    const direct = new URL(db.appUrl);
    direct.username = '';
    direct.password = '';
    const { server, bouncer, errors, close } = await behind('transaction', {
      DATABASE_PREPARED_STATEMENTS: 'false',
      DATABASE_LISTEN_URL: direct.toString(),
    });
    try {
      await exercise(server, bouncer, errors);
    } finally {
      await close();
    }
  });
});
