import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

import { findFreePort } from '../../src/db/embedded-postgres.js';

/** Debian installs it in /usr/sbin, which an ordinary user's PATH may leave out. */
const SEARCHED = [...(process.env.PATH ?? '').split(path.delimiter).filter(Boolean), '/usr/sbin', '/usr/local/sbin'];

/** The pgbouncer binary: PGBOUNCER_PATH if set, else the first on PATH or in the sbin folders; null when there is none. */
export function findPgbouncer(): string | null {
  const candidates = process.env.PGBOUNCER_PATH ? [process.env.PGBOUNCER_PATH] : SEARCHED.map((dir) => path.join(dir, 'pgbouncer'));
  for (const candidate of candidates) {
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** What the pgbouncer test says when the binary is absent; CI installs it (.ci/run) and fails instead. */
export const PGBOUNCER_ABSENT =
  'No pgbouncer binary (looked at PGBOUNCER_PATH, or on PATH, in /usr/sbin and /usr/local/sbin): the API was not run behind ' +
  'PgBouncer. Install it (`apt-get install -y pgbouncer`) to run this test; CI installs it and fails without it.';

export type PoolMode = 'session' | 'transaction';

export interface Pgbouncer {
  /** `target` (a postgres:// URL with its user and password) with the host and port swapped for the pooler's. */
  urlFor(target: string): string;
  /** What the pooler wrote to its log so far, for a failure's message. */
  output(): string;
  /** Its process, for what it costs in CPU. */
  pid: number;
  stop(): Promise<void>;
}

/**
 * A PgBouncer of this test's own, in front of the database `target` names, on a free port, with a generated ini and
 * userlist (the target's user and password, checked by SCRAM on both sides). The server's pool sends
 * statement_timeout as a startup parameter, which PgBouncer refuses unless told to ignore it (README: behind a
 * pooler the bound is set on the role). Server connections are taken in turn (`server_round_robin`), so in
 * transaction mode consecutive statements of one client land on different server connections, as under load.
 */
export async function startPgbouncer(binary: string, target: string, mode: PoolMode, poolSize: number): Promise<Pgbouncer> {
  const url = new URL(target);
  const database = url.pathname.slice(1);
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  const port = await findFreePort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  const quoted = (value: string) => `"${value.replace(/"/g, '""')}"`;
  fs.writeFileSync(path.join(dir, 'userlist.txt'), `${quoted(user)} ${quoted(password)}\n`, { mode: 0o644 });
  fs.writeFileSync(
    path.join(dir, 'pgbouncer.ini'),
    [
      '[databases]',
      `${database} = host=${url.hostname} port=${url.port} dbname=${database}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = scram-sha-256',
      `auth_file = ${path.join(dir, 'userlist.txt')}`,
      `pool_mode = ${mode}`,
      `default_pool_size = ${poolSize}`,
      'max_client_conn = 200',
      'server_round_robin = 1',
      'ignore_startup_parameters = statement_timeout',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  // PgBouncer refuses to run as root; as root (this machine, containers) it drops to PostgreSQL's usual user.
  const asUser = process.getuid?.() === 0 ? ['-u', 'postgres'] : [];
  const child: ChildProcess = spawn(binary, [...asUser, path.join(dir, 'pgbouncer.ini')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await listening(port, child);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${log}`, { cause: error });
  }
  return {
    urlFor(targetUrl) {
      const through = new URL(targetUrl);
      through.hostname = '127.0.0.1';
      through.port = String(port);
      return through.toString();
    },
    output: () => log,
    pid: child.pid!,
    stop,
  };
}

async function listening(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`pgbouncer exited with code ${child.exitCode}`);
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`pgbouncer did not listen on port ${port}`);
}
