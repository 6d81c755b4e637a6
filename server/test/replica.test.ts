import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest';

import { loadConfig } from '../src/config.js';
import { Role } from '../src/core/access/roles.js';
import { ANONYMOUS } from '../src/core/access/viewer.js';
import { preparedQuery } from '../src/core/sql/prepared.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { admitReads, ReadReplicas } from '../src/db/read-replicas.js';
import { createEditor, createUser, type TestUser } from './support/factories.js';
import { signIn, startTestServer, type TestServer } from './support/http.js';
import { startStreamingReplica, type StreamingReplica } from './support/streaming-replica.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reads on a streaming replica', () => {
  let cluster: StreamingReplica;
  let database: Database;
  let server: TestServer;
  let primary: pg.Client;
  let standby: pg.Client;
  let editor: TestUser;
  let editorCookie: string;
  let clientKey: string;
  let entityId: string;
  let serverEnv: Record<string, string>;

  const readyz = async () => (await (await fetch(`${server.url}/readyz`)).json()) as { replicas: Array<{ state: string; lagMs: number }> };
  const stateOfReplica = async () => (await readyz()).replicas[0]!.state;
  const waitForState = async (state: string) => {
    while ((await stateOfReplica()) !== state) await sleep(20);
  };
  /** Until the standby has replayed all the primary has written so far. */
  const caughtUp = async () => {
    const [{ lsn }] = (await primary.query('SELECT pg_current_wal_lsn()::text AS lsn')).rows as [{ lsn: string }];
    while (!(await standby.query('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [lsn])).rows[0].done) await sleep(20);
  };
  /** A client of the test's own on the standby: the standby's stops end its connection, which is then made again. */
  const connectStandby = async () => {
    standby = new pg.Client({ connectionString: cluster.replicaUrl });
    standby.on('error', () => undefined);
    await standby.connect();
  };
  const entity = async (headers: Record<string, string>) => {
    const { status, body } = await server.post(
      { query: `query($id: ID!) { entity(id: $id) { description version } }`, variables: { id: entityId } },
      headers,
    );
    expect(status).toBe(200);
    return body.data.entity as { description: string; version: number };
  };
  const describeEntity = async (description: string) => {
    const { version } = await entity({ cookie: editorCookie });
    const { body } = await server.post(
      {
        query: `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`,
        variables: { input: { id: entityId, expectedVersion: version, description } },
      },
      { cookie: editorCookie },
    );
    expect(body.data.updateEntity.version).toBe(version + 1);
  };

  beforeAll(async () => {
    cluster = await startStreamingReplica();
    serverEnv = {
      DATABASE_URL: cluster.primaryUrl,
      DATABASE_REPLICA_URLS: cluster.replicaAppUrl,
      DATABASE_REPLICA_CHECK_INTERVAL_MS: '100',
      // Long enough that a standby paused by a test stays in rotation: only the read-your-writes check keeps its
      // author off it.
      DATABASE_REPLICA_MAX_LAG_MS: '600000',
      DB_CONNECTION_TIMEOUT_MS: '2000',
      // Answers kept by the public cache are routed by its commit position (its own test is below): off, every
      // anonymous read shows where it was routed.
      PUBLIC_CACHE: 'false',
    };
    database = createDataSource(cluster.appUrl, loadConfig({ NODE_ENV: 'test', ...serverEnv }).db);
    await database.dataSource.initialize();
    editor = await createEditor(database.dataSource);
    primary = new pg.Client({ connectionString: cluster.primaryUrl });
    await primary.connect();
    await connectStandby();
    server = await startTestServer(database, serverEnv);
    editorCookie = await signIn(server, editor);
    const admin = await signIn(server, await createUser(database.dataSource, [Role.ADMIN], 'admin'));
    const made = await server.post({ query: `mutation { createApiKey(input: { name: "Wire desk" }) { key } }` }, { cookie: admin });
    clientKey = made.body.data.createApiKey.key;
    const { body } = await server.post(
      { query: `mutation { createEntity(input: { name: "Wire desk's subject", kind: ORGANIZATION }) { id } }` },
      { cookie: editorCookie },
    );
    entityId = body.data.createEntity.id;
  });
  afterAll(async () => {
    await server?.close();
    await database?.dataSource.destroy();
    await primary?.end();
    await standby?.end().catch(() => undefined);
    await cluster?.close();
  });
  beforeEach(async () => {
    if ((await standby.query('SELECT pg_is_wal_replay_paused() AS paused')).rows[0].paused)
      await standby.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    await waitForState('in rotation');
  });

  it('sends anonymous and client-key reads to the standby, and staff reads, writes and the change feed to the primary', async () => {
    const changesOfEntity = async () => {
      const { body } = await server.post({ query: '{ changes(first: 100) { changes { recordId } } }' });
      return (body.data.changes.changes as Array<{ recordId: string }>).filter(({ recordId }) => recordId === entityId).length;
    };
    const before = (await entity({})).description;
    const changesBefore = await changesOfEntity();
    await standby.query('SELECT pg_wal_replay_pause()');
    await describeEntity('Written while the standby is paused');
    expect(await changesOfEntity()).toBe(changesBefore + 1);
    // The standby, paused, still has the old description; the primary has the new one.
    expect((await entity({})).description).toBe(before);
    expect((await entity({ authorization: `Bearer ${clientKey}` })).description).toBe(before);
    expect((await entity({ cookie: editorCookie })).description).toBe('Written while the standby is paused');
    // The server's reading connections on the standby (its checks have a name of their own) last ran that read.
    const { rows } = await standby.query(`SELECT query FROM pg_stat_activity WHERE application_name = 'provenance-store'`);
    expect(rows.some(({ query }) => query.includes('entities'))).toBe(true);

    await standby.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    expect((await entity({})).description).toBe('Written while the standby is paused');
  });

  it('reads a write back at once to its author, though the standby has not replayed it, on this server and another', async () => {
    // Another server over the same primary and standby knows nothing of the write but what the author's cookie says.
    const secondPool = createDataSource(cluster.appUrl, server.config.db);
    await secondPool.dataSource.initialize();
    const second = await startTestServer(secondPool, { ...serverEnv });
    onTestFinished(async () => {
      await second.close();
      await secondPool.dataSource.destroy();
    });
    const person = await createUser(database.dataSource, [Role.CLIENT], 'reader');
    let cookie = await signIn(server, person);
    const me = async (on = server) => (await on.post({ query: '{ me { version } }' }, { cookie })).body.data.me.version as number;
    const before = await me();
    await caughtUp();
    await standby.query('SELECT pg_wal_replay_pause()');
    const { body, headers } = await server.post(
      {
        query: `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { version } }`,
        variables: { input: { currentPassword: person.password, newPassword: `${person.password} and more` } },
      },
      { cookie },
    );
    expect(body.data.changePassword.version).toBe(before + 1);
    cookie = headers
      .getSetCookie()
      .map((set) => set.split(';')[0])
      .join('; ');
    expect(cookie).toContain('ps_read_after=');
    expect(await me()).toBe(before + 1);
    expect(await me(second)).toBe(before + 1);
    // Signing in reads the primary: the new password works at once.
    await signIn(server, { email: person.email, password: `${person.password} and more` });
    // Someone else reading the same row still gets the standby's state: the standby is in rotation.
    expect((await standby.query('SELECT version FROM users WHERE id = $1', [person.id])).rows[0].version).toBe(before);
  });

  it('works out an answer the public cache keeps on a standby that has replayed its commit position, else on the primary', async () => {
    const cachingPool = createDataSource(cluster.appUrl, server.config.db);
    await cachingPool.dataSource.initialize();
    const caching = await startTestServer(cachingPool, { ...serverEnv, PUBLIC_CACHE: 'true' });
    onTestFinished(async () => {
      await caching.close();
      await cachingPool.dataSource.destroy();
    });
    const read = async (field: 'description' | 'name', alias: string = field) => {
      const { headers, body } = await caching.post({
        query: `query($id: ID!) { entity(id: $id) { ${alias}: ${field} } }`,
        variables: { id: entityId },
      });
      return { cache: headers.get('x-cache'), value: body.data.entity[alias] as string };
    };
    /** The standby's reading connections that ran a read of entities since `since`, by the standby's clock. */
    const standbyReadsSince = async (since: Date) =>
      (
        await standby.query(
          `SELECT count(*)::int AS n FROM pg_stat_activity
            WHERE application_name = 'provenance-store' AND query_start >= $1 AND query LIKE '%entities%'`,
          [since],
        )
      ).rows[0].n as number;
    const standbyNow = async () => (await standby.query('SELECT now() AS now')).rows[0].now as Date;

    // Caught up: once the caching server's check has seen the standby replay the primary's position, a miss (each
    // alias is a question of its own) is worked out on the standby, and kept.
    await caughtUp();
    let attempt = 0;
    let onStandby = false;
    while (!onStandby && attempt < 100) {
      const since = await standbyNow();
      expect(await read('name', `name${++attempt}`)).toEqual({ cache: 'MISS', value: "Wire desk's subject" });
      onStandby = (await standbyReadsSince(since)) > 0;
      if (!onStandby) await sleep(50);
    }
    expect(onStandby).toBe(true);
    expect(await read('name', `name${attempt}`)).toEqual({ cache: 'HIT', value: "Wire desk's subject" });

    // Paused after a write: the standby has not replayed the position, so the miss is the primary's, and stays fresh.
    await standby.query('SELECT pg_wal_replay_pause()');
    await describeEntity('Written before the cache kept an answer');
    const paused = await standbyNow();
    expect(await read('description')).toEqual({ cache: 'MISS', value: 'Written before the cache kept an answer' });
    expect(await standbyReadsSince(paused)).toBe(0);
    await standby.query('SELECT pg_wal_replay_resume()');
    await caughtUp();
    expect((await read('description')).value).toBe('Written before the cache kept an answer');
  });

  it('answers a read from the primary when the standby cuts it off mid-query, for TypeORM and prepared statements alike, and runs transactions there', async () => {
    const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: cluster.primaryUrl, DATABASE_REPLICA_URLS: cluster.replicaAppUrl });
    const own = createDataSource(cluster.appUrl, config.db);
    await own.dataSource.initialize();
    const logged: string[] = [];
    const replicas = new ReadReplicas(own.dataSource, config.replicas, config.db, config.auth, (message) => logged.push(message));
    await replicas.start();
    const anonymously = <T>(read: () => Promise<T>) =>
      replicas.run({ headers: {} }, { headersSent: false }, () => {
        admitReads(ANONYMOUS);
        return read();
      });
    const cutOff = async (marker: string) => {
      const find = `SELECT pid FROM pg_stat_activity WHERE query LIKE $1 AND pid <> pg_backend_pid()`;
      while ((await standby.query(find, [`%${marker}%`])).rowCount === 0) await sleep(20);
      await standby.query(`SELECT pg_terminate_backend(pid) FROM (${find}) AS running`, [`%${marker}%`]);
    };
    try {
      expect(await anonymously(() => own.dataSource.query('SELECT pg_is_in_recovery() AS standby'))).toEqual([{ standby: true }]);
      for (const [marker, read] of [
        ['typeorm-read', (text: string) => own.dataSource.query(text)],
        ['prepared-read', (text: string) => preparedQuery(own.dataSource.manager, text, [])],
      ] as const) {
        const text = `SELECT pg_is_in_recovery() AS standby, pg_sleep(2), '${marker}' AS marker`;
        const [answer] = await Promise.all([anonymously(() => read(text)), cutOff(marker)]);
        expect(answer).toEqual([{ standby: false, pg_sleep: '', marker }]);
        while (replicas.report()[0]!.state !== 'in rotation') await sleep(20);
      }
      // A runner connected before its transaction begins still runs the transaction on the primary.
      const inTransaction = await anonymously(async () => {
        const runner = own.dataSource.createQueryRunner();
        await runner.connect();
        try {
          await runner.startTransaction('REPEATABLE READ');
          const rows = await runner.query('SELECT pg_is_in_recovery() AS standby');
          await runner.commitTransaction();
          return rows;
        } finally {
          await runner.release();
        }
      });
      expect(inTransaction).toEqual([{ standby: false }]);
      // Each cut took the standby out of rotation at once; the next check, finding it up, put it back.
      expect(logged.filter((line) => line.includes('out of rotation: a query failed on it'))).toHaveLength(2);
    } finally {
      await replicas.stop();
      await own.dataSource.destroy();
    }
  });

  it('drops a standby stopped under load and takes it back once it is up, with no request failing', async () => {
    let running = true;
    const failures: string[] = [];
    let answered = 0;
    const load = Array.from({ length: 3 }, async () => {
      while (running) {
        const { status, body } = await server.post(
          {
            query: `query($id: ID!) { entity(id: $id) { description } claims(first: 5) { edges { node { id text } } } }`,
            variables: { id: entityId },
          },
          { authorization: `Bearer ${clientKey}` },
        );
        if (status !== 200 || body.errors) failures.push(JSON.stringify(body));
        answered += 1;
      }
    });
    await sleep(300);
    const stopped = Date.now();
    await cluster.stopReplica();
    await waitForState('out of rotation');
    const dropped = Date.now();
    await sleep(300);
    await cluster.startReplica();
    await waitForState('in rotation');
    const rejoined = Date.now();
    await sleep(300);
    running = false;
    await Promise.all(load);
    console.log(
      `replica stop: out of rotation after ${dropped - stopped} ms; back in ${rejoined - dropped} ms after; ${answered} requests`,
    );
    expect(failures).toEqual([]);
    await connectStandby();
    // The restarted standby has served reads again: its only connections named so are the server's readers'.
    const { rows } = await standby.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'provenance-store'`);
    expect(rows[0].n).toBeGreaterThan(0);
  });

  it('loses no write when the standby is killed under writes and reads, and replays them all once back', async () => {
    let running = true;
    const failures: string[] = [];
    let written = 0;
    let maxLagBytes = 0;
    let maxLagMs = 0;
    const writes = Array.from({ length: 4 }, async () => {
      while (running) {
        const { status, body } = await server.post(
          {
            query: `mutation($input: CreateEntityInput!) { createEntity(input: $input) { id } }`,
            variables: { input: { name: `Burst ${written}`, kind: 'ORGANIZATION' } },
          },
          { cookie: editorCookie },
        );
        if (status !== 200 || body.errors) failures.push(JSON.stringify(body));
        else written += 1;
      }
    });
    const reads = (async () => {
      while (running) {
        const { status, body } = await server.post({ query: '{ entities(first: 20) { edges { node { id name } } } }' });
        if (status !== 200 || body.errors) failures.push(JSON.stringify(body));
      }
    })();
    // What the primary itself measures of the standby: bytes not yet replayed, and how long its last replay took.
    const watch = (async () => {
      while (running) {
        const { rows } = await primary.query(
          `SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float8 AS bytes, extract(epoch FROM replay_lag)::float8 * 1000 AS ms
           FROM pg_stat_replication WHERE application_name = 'standby'`,
        );
        if (rows[0]) {
          maxLagBytes = Math.max(maxLagBytes, rows[0].bytes ?? 0);
          maxLagMs = Math.max(maxLagMs, rows[0].ms ?? 0);
        }
        await sleep(10);
      }
    })();
    await sleep(2000);
    await standby.end().catch(() => undefined);
    await cluster.stopReplica('kill');
    await waitForState('out of rotation');
    await sleep(500);
    running = false;
    await Promise.all([...writes, reads, watch]);
    console.log(
      `write burst: ${written} entities written by 4 writers; standby at most ${maxLagBytes} bytes and ${maxLagMs.toFixed(1)} ms behind`,
    );
    expect(failures).toEqual([]);

    await cluster.startReplica();
    await connectStandby();
    await caughtUp();
    const count = `SELECT count(*)::int AS n FROM entities WHERE name LIKE 'Burst %'`;
    expect((await standby.query(count)).rows[0].n).toBe(written);
    expect((await primary.query(count)).rows[0].n).toBe(written);
  });
});
