import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const serverDir = path.resolve(__dirname, '..');
const main = path.join(serverDir, 'dist', 'server', 'src', 'main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const postgresHolding = (dir: string) => {
  const pidFile = path.join(dir, 'pg', 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
};

/** The built server as `npm start` runs it, on its own data directory and port. */
async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, [main], { env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 200) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok, () => false);
    if (ready) return { child, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become ready:\n${output}`);
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code))));

describe('the server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'process-'));

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [path.join(serverDir, '..', 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(serverDir, 'tsconfig.json')]);
  }, 120_000);
  afterAll(() => {
    const left = postgresHolding(dataDir);
    if (left) process.kill(left, 'SIGKILL');
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops on SIGTERM, the HTTP server then its PostgreSQL, within 10 seconds, leaving no process behind', async () => {
    const port = await freePort();
    const { child, output } = await start(dataDir, port);
    expect(output()).toMatch(/Seeded \d+ records/);
    expect(output()).toContain(`GraphQL API   http://localhost:${port}/graphql`);
    expect(postgresHolding(dataDir)).not.toBeNull();
    const started = Date.now();
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(postgresHolding(dataDir)).toBeNull();
    expect(output()).toMatch(/SIGTERM: stopping[\s\S]*Stopped/);
  }, 90_000);

  it('starts again on the same data without seeding twice, and recovers from being killed outright', async () => {
    const port = await freePort();
    const second = await start(dataDir, port);
    expect(second.output()).toMatch(/Seed data already present \(\d+ records\)/);
    second.child.kill('SIGKILL');
    await exited(second.child);
    expect(postgresHolding(dataDir)).not.toBeNull();
    const third = await start(dataDir, await freePort());
    expect(third.output()).toContain('Stopped the PostgreSQL that an earlier, killed run had left running');
    third.child.kill('SIGINT');
    expect(await exited(third.child)).toBe(0);
    expect(postgresHolding(dataDir)).toBeNull();
  }, 120_000);
});
