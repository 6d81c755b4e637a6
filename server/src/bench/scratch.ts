import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../config.js';
import { createDataSource } from '../db/data-source.js';
import { EmbeddedPostgres } from '../db/embedded-postgres.js';
import { migrate } from '../db/open.js';
import { createHttpApp } from '../http/app.js';
import { Role } from '../modules/users/users.enums.js';
import { UsersService } from '../modules/users/users.service.js';
import { seedAll } from '../seed/seed.js';

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

const EDITOR = { email: 'bench@example.org', password: 'bench-password-123' };

/**
 * The server in production mode over a scratch embedded PostgreSQL with the seeds and a signed-in editor, for the
 * benchmarks to measure over real HTTP; everything is removed on stop.
 */
export async function startScratchServer(poolSize = 20): Promise<ScratchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const postgres = new EmbeddedPostgres({ dir });
  const url = await postgres.start();
  const config = loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'bench-secret-bench-secret-bench-secret', DB_POOL_SIZE: String(poolSize) });
  await migrate(url, config);
  const database = createDataSource(url, config.db, { asAppRole: true });
  await database.dataSource.initialize();
  const http = await createHttpApp(config, database, () => undefined);
  const server = http.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const stop = async () => {
    server.close();
    await http.stop();
    await database.dataSource.destroy();
    await postgres.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  };
  let cookie = '';
  const post = async (query: string, variables: Record<string, unknown> = {}, signedIn = true): Promise<GraphQLAnswer> => {
    const response = await fetch(base, { method: 'POST', headers: { 'content-type': 'application/json', cookie: signedIn ? cookie : '' }, body: JSON.stringify({ query, variables }) });
    return { status: response.status, headers: response.headers, body: await response.json() };
  };
  try {
    await seedAll(database.dataSource);
    await new UsersService(database.dataSource).create({ actor: 'bench', actorUserId: null, requestId: null }, { ...EDITOR, name: 'Bench', roles: [Role.EDITOR] });
    const login = await post('mutation($email: String!, $password: String!) { login(input: { email: $email, password: $password }) { expiresAt } }', EDITOR, false);
    cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
  } catch (error) {
    await stop();
    throw error;
  }
  const pool = (database.dataSource.driver as unknown as { master: ScratchServer['pool'] }).master;
  return { dataSource: database.dataSource, pool, post, stop };
}

/** The value below which p percent of the sorted values fall. */
export const percentile = (sorted: number[], p: number): number => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! : 0);
