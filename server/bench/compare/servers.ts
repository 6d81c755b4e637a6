import { type ChildProcess, fork } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { findFreePort } from '../../src/db/embedded-postgres.js';
import { BENCH_AUTH_SECRET } from '../scratch.js';
import type { ServerName } from './queries.js';

/** One of the three servers, in a process of its own, so that each is measured alone: its memory, its statements. */
export interface RunningServer {
  name: ServerName;
  baseUrl: string;
  pid: number;
  /** Statements its pools have sent to PostgreSQL so far. */
  statements(): Promise<number>;
  /** Resident memory, from /proc, in bytes. */
  rss(): number;
  stop(): Promise<void>;
}

/** The entry point of each server; the baseline's is given by the run (another checkout's build). */
export const ENTRIES: Record<Exclude<ServerName, 'baseline'>, string> = {
  // The product's own entry point, as `npm start` runs it.
  this: path.join(__dirname, '..', '..', 'src', 'main.js'),
  postgraphile: path.join(__dirname, 'postgraphile-server.js'),
  raw: path.join(__dirname, 'raw-sql-server.js'),
};

const STARTUP_TIMEOUT_MS = 60_000;

async function waitUntilAnswering(baseUrl: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited while starting (code ${child.exitCode}):\n${output()}`);
    try {
      // Any HTTP answer will do: each server answers 404 or 405 to this, once listening.
      await fetch(`${baseUrl}/ready-check`);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  throw new Error(`did not answer within ${STARTUP_TIMEOUT_MS / 1000} s:\n${output()}`);
}

/**
 * Starts a server over the scratch database: this server in production mode (no seeding, same pool size), or
 * one of the two it is compared with. Each runs with the statement probe preloaded. This server's cache of public
 * answers is off unless `env` turns it on: the comparison times working an answer out, not handing it back again.
 */
export async function startServer(
  name: ServerName,
  entry: string,
  databaseUrl: string,
  poolSize: number,
  profileDir: string | null = null,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const port = await findFreePort();
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'production',
    DATABASE_URL: databaseUrl,
    PORT: String(port),
    DB_POOL_SIZE: String(poolSize),
  };
  if (name === 'this' || name === 'baseline') {
    const checkpointKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'der' }).toString('base64');
    Object.assign(childEnv, {
      HOST: '127.0.0.1',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: BENCH_AUTH_SECRET,
      SEED_ON_START: 'false',
      SECURE_COOKIES: 'false',
      CHECKPOINT_SIGNING_KEY: checkpointKey,
      PUBLIC_CACHE: 'false',
      ...env,
    });
  }
  const child = fork(entry, [], {
    env: childEnv,
    execArgv: [
      '--require',
      path.join(__dirname, 'statement-probe.js'),
      // Written when the server exits (each stops on SIGTERM by exiting), one .cpuprofile per server.
      ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.join(profileDir, name)}`] : []),
    ],
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString('utf8')).slice(-20_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    await waitUntilAnswering(baseUrl, child, () => log);
  } catch (error) {
    await stop();
    throw new Error(`${name}: ${(error as Error).message}`, { cause: error });
  }
  return {
    name,
    baseUrl,
    pid: child.pid!,
    statements: () =>
      new Promise((resolve) => {
        child.once('message', (message: { statements: number }) => resolve(message.statements));
        child.send('statements');
      }),
    rss() {
      const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
      return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    },
    stop,
  };
}
