import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';
import type { DataSource } from 'typeorm';

import { type Config, loadConfig } from '../src/config.js';
import { Role } from '../src/core/access/roles.js';
import { appLoginUrl, prepareAppLogin } from '../src/db/app-login.js';
import { createDataSource, type Database } from '../src/db/data-source.js';
import { EmbeddedPostgres } from '../src/db/embedded-postgres.js';
import { migrate } from '../src/db/open.js';
import { createHttpApp } from '../src/http/app.js';
import { UsersService } from '../src/modules/users/users.service.js';
import { seedAll } from '../src/seed/seed.js';

export interface GraphQLAnswer {
  status: number;
  headers: Headers;
  body: any;
}

export interface ScratchServer {
  dataSource: DataSource;
  /** The pool's counters, for what a run keeps busy. */
  pool: { totalCount: number; idleCount: number; waitingCount: number };
  /** Posts to /graphql, as the signed-in editor unless `signedIn` is false. */
  post(query: string, variables?: Record<string, unknown>, signedIn?: boolean): Promise<GraphQLAnswer>;
  stop(): Promise<void>;
}

export interface ScratchDatabase {
  /** The schema owner's URL, for what the server may not do: migrations, VACUUM, and other servers' set-up. */
  ownerUrl: string;
  /** Production settings, with this database's pool size. */
  config: Config;
  /** A pool logged in as the server's is (APP_ROLE). */
  database: Database;
  editor: { email: string; password: string };
  stop(): Promise<void>;
}

export interface ScratchOptions {
  poolSize?: number;
  /** Added to the production configuration. */
  env?: Record<string, string>;
  /** PostgreSQL settings, applied with a restart. */
  settings?: Record<string, string>;
  /** Load the curated seed data; a benchmark with a corpus of its own may do without. */
  seed?: boolean;
}

export const BENCH_AUTH_SECRET = 'bench-2XWdoSIkdU7n30OTyczgsIQb4veX1m6g2q3ZpfQM';
const EDITOR = { email: 'bench@example.org', password: 'bench-password-123' };

/**
 * A scratch embedded PostgreSQL, migrated, with the seeds and an editor's account, and a pool acting as the
 * server does; everything is removed on stop.
 */
export async function startScratchDatabase({
  poolSize = 20,
  env = {},
  settings = {},
  seed = true,
}: ScratchOptions = {}): Promise<ScratchDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const postgres = new EmbeddedPostgres({ dir });
  let ownerUrl = await postgres.start();
  if (Object.keys(settings).length > 0) {
    const client = new pg.Client({ connectionString: ownerUrl });
    await client.connect();
    for (const [name, value] of Object.entries(settings)) await client.query(`ALTER SYSTEM SET ${name} = '${value}'`);
    await client.end();
    // Some settings (shared_buffers) take a restart.
    await postgres.stop();
    ownerUrl = await postgres.start();
  }
  const keyFile = path.join(dir, 'checkpoint-key.pem');
  fs.writeFileSync(keyFile, generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
  const config = loadConfig({
    NODE_ENV: 'production',
    AUTH_SECRET: BENCH_AUTH_SECRET,
    PUBLIC_URL: 'http://localhost',
    DB_POOL_SIZE: String(poolSize),
    CHECKPOINT_SIGNING_KEY_FILE: keyFile,
    ...env,
  });
  const database = createDataSource(appLoginUrl(ownerUrl, config), config.db);
  const stop = async () => {
    if (database.dataSource.isInitialized) await database.dataSource.destroy();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await migrate(ownerUrl, config);
    await prepareAppLogin(ownerUrl, config);
    await database.dataSource.initialize();
    if (seed) await seedAll(database.dataSource);
    await new UsersService(database.dataSource).create(
      { actor: 'bench', actorUserId: null, requestId: null },
      { ...EDITOR, name: 'Bench', roles: [Role.EDITOR] },
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { ownerUrl, config, database, editor: EDITOR, stop };
}

/** Signs in over HTTP and returns the session cookie to send back, as a browser would. */
export async function signIn(graphqlUrl: string, account: { email: string; password: string }): Promise<string> {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { expiresAt } }',
      variables: account,
    }),
  });
  const cookie = response.headers.getSetCookie()[0];
  if (!cookie) throw new Error(`Sign-in failed: ${await response.text()}`);
  return cookie.split(';')[0]!;
}

/**
 * The server in production mode, in this process, over a scratch database with the seeds and a signed-in editor,
 * for the benchmarks to measure over real HTTP; everything is removed on stop.
 */
export async function startScratchServer(poolSize = 20): Promise<ScratchServer> {
  const scratch = await startScratchDatabase({ poolSize });
  const { config, database } = scratch;
  const http = await createHttpApp(config, database, () => undefined);
  const server = http.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const stop = async () => {
    server.close();
    await http.stop();
    await scratch.stop();
  };
  let cookie = '';
  const post = async (query: string, variables: Record<string, unknown> = {}, signedIn = true): Promise<GraphQLAnswer> => {
    const response = await fetch(base, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: signedIn ? cookie : '' },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  try {
    cookie = await signIn(base, scratch.editor);
  } catch (error) {
    await stop();
    throw error;
  }
  const pool = (database.dataSource.driver as unknown as { master: ScratchServer['pool'] }).master;
  return { dataSource: database.dataSource, pool, post, stop };
}

/** The value below which p percent of the sorted values fall. */
export const percentile = (sorted: number[], p: number): number =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0;
