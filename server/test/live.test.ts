import type { IncomingMessage } from 'node:http';

import { type Client, createClient, makeServer } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';

import { loadConfig } from '../src/config.js';
import { loadSigningKey } from '../src/core/checkpoints/signing-key.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { revisionSignal } from '../src/db/revision-signal.js';
import { createLoaders, createServices } from '../src/graphql/context.js';
import { getSchema } from '../src/graphql/schema.js';
import { liveServerOptions, TOO_SLOW } from '../src/http/subscriptions.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { createEditor, createReviewer, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';

interface LiveChange {
  cursor: string;
  kind: string;
  recordType: string;
  recordId: string;
  version: number;
}

const SUBSCRIBE = `subscription($after: String) { changes(after: $after, recordTypes: [CLAIM, ENTITY]) { cursor kind recordType recordId version } }`;
/** Generous, so a slow machine does not fail the test: what is asserted is that the change arrives at all. */
const DELIVERY_TIMEOUT_MS = 15_000;

/** A graphql-ws client on a server, sending a session cookie with its upgrade request as a browser would. */
function liveClient(server: TestServer, options: { cookie?: string; authorization?: string } = {}): Client {
  const { cookie } = options;
  class WithCookie extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols, cookie ? { headers: { cookie } } : {});
    }
  }
  return createClient({
    url: `${server.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WithCookie,
    lazy: true,
    retryAttempts: 0,
    connectionParams: options.authorization ? { authorization: options.authorization } : undefined,
  });
}

/** Subscribes and collects what arrives, with a way to wait for a change that matches. */
function follow(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const received: LiveChange[] = [];
  const errors: unknown[] = [];
  const waiting = new Set<() => void>();
  const stop = client.subscribe<{ changes: LiveChange }>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(...result.errors);
        if (result.data) received.push(result.data.changes);
        for (const check of waiting) check();
      },
      error: (error) => {
        errors.push(error);
        for (const check of waiting) check();
      },
      complete: () => undefined,
    },
  );
  const until = (matches: (change: LiveChange) => boolean): Promise<LiveChange> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = received.find(matches);
        if (found) {
          clearTimeout(timer);
          waiting.delete(check);
          resolve(found);
        } else if (errors.length) reject(new Error(`The subscription failed: ${JSON.stringify(errors)}`));
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`Nothing matching arrived; received ${JSON.stringify(received)}`));
      }, DELIVERY_TIMEOUT_MS);
      waiting.add(check);
      check();
    });
  const firstError = (): Promise<unknown> =>
    new Promise((resolve) => {
      const check = () => {
        if (errors.length) {
          waiting.delete(check);
          resolve(errors[0]);
        }
      };
      waiting.add(check);
      check();
    });
  return { received, errors, until, firstError, stop };
}

describe('live changes over WebSocket', () => {
  let db: TestDatabase;
  let second: Database;
  let a: TestServer;
  let b: TestServer;
  let editor: TestUser;
  let reviewer: TestUser;
  let editorCookie: string;
  let reviewerCookie: string;
  const clients: Client[] = [];

  const open = (server: TestServer, options?: Parameters<typeof liveClient>[1]) => {
    const client = liveClient(server, options);
    clients.push(client);
    return client;
  };

  async function mutate(server: TestServer, cookie: string, query: string, input: Record<string, unknown>) {
    const { body } = await server.post({ query, variables: { input } }, { cookie });
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return Object.values(body.data)[0] as { id: string; version: number };
  }

  const createEntity = (server: TestServer, name: string) =>
    mutate(server, editorCookie, `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id version } }`, {
      name,
      kind: 'OTHER',
    });

  beforeAll(async () => {
    db = await createTestDatabase();
    // Each server has its own pool and its own listener, as two processes behind a load balancer would.
    second = createDataSource(db.appUrl, loadConfig({ NODE_ENV: 'test' }).db);
    await second.dataSource.initialize();
    a = await startTestServer(db);
    b = await startTestServer(second);
    editor = await createEditor(db.dataSource);
    reviewer = await createReviewer(db.dataSource);
    editorCookie = await signIn(a, editor);
    reviewerCookie = await signIn(a, reviewer);
  });
  afterAll(async () => {
    await Promise.all(clients.map((client) => client.dispose()));
    await a.close();
    await b.close();
    await second.dataSource.destroy();
    await db.drop();
  });

  it('deliver a write made through one server to a subscription on the other, signed in by session cookie', async () => {
    const live = follow(open(b, { cookie: editorCookie }), SUBSCRIBE);
    // The subscription starts from the log's start: once it has caught up, what follows is new.
    const before = await createEntity(a, 'before subscribing');
    await live.until((change) => change.recordId === before.id);
    const entity = await createEntity(a, 'written through A');
    expect(await live.until((change) => change.recordId === entity.id)).toMatchObject({
      kind: 'APPEARED',
      recordType: 'ENTITY',
      version: 1,
    });
  });

  it('deliver to an anonymous subscriber only what it may read: a claim appears when verified, not as a draft', async () => {
    const live = follow(open(b), SUBSCRIBE);
    const claim = await mutate(a, editorCookie, `mutation($input: CreateClaimInput!) { createClaim(input: $input) { id version } }`, {
      text: 'A claim written as a draft',
      claimantLabel: 'someone',
      attribution: 'REPORTED_SPEECH',
      modality: 'ASSERTED',
    });
    const submitted = await mutate(
      a,
      editorCookie,
      `mutation($input: SubmitForReviewInput!) { submitForReview(input: $input) { ... on Claim { id version } } }`,
      { id: claim.id, expectedVersion: claim.version },
    );
    await mutate(a, reviewerCookie, `mutation($input: ReviewInput!) { review(input: $input) { ... on Claim { id version } } }`, {
      id: claim.id,
      expectedVersion: submitted.version,
      decision: 'VERIFY',
      comment: 'checked',
    });
    const appeared = await live.until((change) => change.recordId === claim.id);
    expect(appeared).toMatchObject({ kind: 'APPEARED', recordType: 'CLAIM', version: 3 });
    expect(live.received.filter((change) => change.recordId === claim.id)).toEqual([appeared]);
  });

  it('resume from the last cursor taken after a disconnect, missing nothing written meanwhile', async () => {
    const first = open(b, { cookie: editorCookie });
    const live = follow(first, SUBSCRIBE);
    const seen = await createEntity(a, 'seen before the disconnect');
    const last = await live.until((change) => change.recordId === seen.id);
    await first.dispose();

    const missed = await createEntity(a, 'written while disconnected');
    const resumed = follow(open(b, { cookie: editorCookie }), SUBSCRIBE, { after: last.cursor });
    expect(await resumed.until((change) => change.recordId === missed.id)).toMatchObject({ kind: 'APPEARED' });
    expect(resumed.received[0]!.recordId).toBe(missed.id);
  });

  it('refuse over WebSocket what HTTP refuses: a document past the limits (aliases), a query, a bad cursor, an unknown API key', async () => {
    const client = open(b);
    const aliases = Array.from({ length: 31 }, (_, i) => `a${i}: cursor`).join(' ');
    expect(JSON.stringify(await follow(client, `subscription { changes { ${aliases} } }`).firstError())).toMatch(/aliases/);
    expect(JSON.stringify(await follow(client, '{ changes { cursor } }').firstError())).toMatch(/Only subscriptions/);
    expect(JSON.stringify(await follow(client, SUBSCRIBE, { after: 'not-a-cursor' }).firstError())).toMatch(/not a cursor/);

    const stranger = follow(open(b, { authorization: 'Bearer psk_unknown' }), SUBSCRIBE);
    expect(await stranger.firstError()).toMatchObject({ code: 4403 });
  });

  it('drop a consumer too slow to take its changes, saying why, instead of holding them for it', async () => {
    await createEntity(a, 'one change at least');
    const schema = await getSchema();
    const config = loadConfig({ NODE_ENV: 'test', CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY });
    const services = createServices(db.dataSource, config.auth, loadSigningKey(config), config.jobs);
    const signal = revisionSignal(db.dataSource, () => undefined);
    const closed = new Promise<{ code?: number; reason?: string }>((resolve) => {
      const socket = {
        close: (code?: number, reason?: string) => resolve({ code, reason }),
      };
      const server = makeServer(
        liveServerOptions({
          schema,
          services,
          signal,
          config,
          loaders: () => createLoaders(db.dataSource.manager),
          log: () => undefined,
          sendTimeoutMs: 200,
        }),
      );
      let deliver: (data: string) => Promise<void> = async () => undefined;
      let sent = 0;
      server.opened(
        {
          protocol: 'graphql-transport-ws',
          // The first messages (the acknowledgement, the first change) go out; after them the client reads nothing.
          send: () => (sent++ < 2 ? undefined : new Promise<void>(() => undefined)),
          close: socket.close,
          onMessage: (cb) => {
            deliver = cb;
          },
        },
        {
          socket: socket as unknown as WebSocket,
          request: { headers: {}, socket: { remoteAddress: '127.0.0.1' } } as unknown as IncomingMessage,
        },
      );
      void (async () => {
        await deliver(JSON.stringify({ type: 'connection_init' }));
        await deliver(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: SUBSCRIBE } }));
      })();
    });
    expect(await closed).toMatchObject({ code: TOO_SLOW, reason: expect.stringMatching(/Too slow/) });
    await signal.close();
  });
});
