import type { AddressInfo } from 'node:net';

import { GraphQLError } from 'graphql';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { loadConfig } from '../src/config.js';
import { Revision } from '../src/core/revisions/revision.entity.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { DATABASE_UNAVAILABLE, formatError } from '../src/graphql/errors.js';
import { createHttpApp } from '../src/http/app.js';
import { TEST_CHECKPOINT_KEY } from './support/checkpoint-key.js';
import { createTestDatabase, type TestDatabase } from './support/database.js';
import { type OwnPostgres, startOwnPostgres } from './support/own-postgres.js';

async function serve(database: Database, env: Record<string, string> = {}) {
  const http = await createHttpApp(
    loadConfig({ NODE_ENV: 'test', CHECKPOINT_SIGNING_KEY: TEST_CHECKPOINT_KEY, ...env }),
    database,
    () => undefined,
  );
  const server = http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    query: async (query: string) => {
      const started = performance.now();
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query }),
      });
      return {
        status: response.status,
        retryAfter: response.headers.get('retry-after'),
        body: (await response.json()) as any,
        ms: performance.now() - started,
      };
    },
    ready: async () => (await fetch(`${url}/readyz`)).status,
    close: async () => {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await http.stop();
    },
  };
}

describe('when every connection is busy', () => {
  let db: TestDatabase;
  let tight: Database;

  beforeAll(async () => {
    db = await createTestDatabase();
    tight = createDataSource(db.appUrl, {
      poolSize: 1,
      connectionTimeoutMs: 300,
      statementTimeoutMs: 5000,
      maxPreparedStatements: 256,
      preparedStatements: true,
    });
    await tight.dataSource.initialize();
  });
  afterAll(async () => {
    await tight.dataSource.destroy();
    await db.drop();
  });

  it('answers at once with 503, a code and when to retry, rather than hanging; then recovers', async () => {
    const app = await serve(tight);
    const held = tight.dataSource.createQueryRunner();
    await held.connect();
    try {
      const busy = await app.query('{ sources { totalCount } }');
      expect(busy.status).toBe(503);
      expect(busy.retryAfter).toBe('2');
      expect(busy.body.errors[0]).toMatchObject({
        message: DATABASE_UNAVAILABLE,
        extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
      });
      expect(busy.ms).toBeLessThan(2000);
    } finally {
      await held.release();
    }
    const free = await app.query('{ sources { totalCount } }');
    expect(free.status).toBe(200);
    await app.close();
  });

  it('takes a transaction whose connection died between two statements for an outage to retry, not an internal error', async () => {
    const failed: unknown[] = [];
    await db.dataSource
      .transaction(async (tx) => {
        const [{ pid }] = await tx.query('SELECT pg_backend_pid() AS pid');
        await db.owner.query('SELECT pg_terminate_backend($1)', [pid]);
        // TypeORM releases the runner once the connection's error arrives, and only then does a statement meet it.
        while (!tx.queryRunner!.isReleased) await new Promise((resolve) => setTimeout(resolve, 10));
        for (const statement of [() => tx.query('SELECT 1'), () => tx.findOneBy(Revision, { id: '1' })])
          failed.push(
            await statement().then(
              () => null,
              (error: unknown) => error,
            ),
          );
      })
      .catch(() => undefined);
    expect(failed.map((error) => error?.constructor)).toEqual([QueryRunnerProviderAlreadyReleasedError, QueryRunnerAlreadyReleasedError]);
    const format = formatError(false, () => undefined);
    for (const error of failed as Error[]) {
      expect(format({ message: error.message }, new GraphQLError(error.message, { originalError: error }))).toMatchObject({
        message: DATABASE_UNAVAILABLE,
        extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true },
      });
    }
  });
});

describe('when PostgreSQL goes down and comes back', () => {
  let own: OwnPostgres;

  beforeAll(async () => {
    own = await startOwnPostgres();
  });
  afterAll(() => own.close());

  it('turns /readyz false while it is down, and true again without a restart', async () => {
    const app = await serve(own.database);
    expect(await app.ready()).toBe(200);
    await own.stop();
    expect(await app.ready()).toBe(503);
    const down = await app.query('{ sources { totalCount } }');
    expect(down.status).toBe(503);
    expect(down.body.errors[0].extensions.retryable).toBe(true);
    // Anonymous: nothing reads the database before the export's first batch does.
    for (const file of ['claims.csv', 'evidence.jsonld']) {
      const exported = await fetch(`${app.url}/exports/${file}`);
      expect(exported.status).toBe(503);
      expect(exported.headers.get('retry-after')).toBe('2');
      expect(await exported.json()).toMatchObject({
        errors: [{ message: DATABASE_UNAVAILABLE, extensions: { code: 'INTERNAL_SERVER_ERROR', retryable: true } }],
      });
    }

    await own.restart();
    let ready = 0;
    for (let attempt = 0; attempt < 20 && ready !== 200; attempt++) {
      ready = await app.ready();
      if (ready !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(ready).toBe(200);
    expect((await app.query('{ sources { totalCount } }')).body).toEqual({ data: { sources: { totalCount: 0 } } });
    await app.close();
  });
});
