import { type ChildProcess, execFile, spawn } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { runningServer } from '../src/db/embedded-postgres.js';

const serverDir = path.resolve(__dirname, '..');
const main = path.join(serverDir, 'dist', 'server', 'src', 'main.js');
/** The server's own compiler (TypeScript 7), not the root's `typescript`, which is 6.0 for ESLint's parser. */
const tsc = path.join(path.dirname(createRequire(path.join(serverDir, 'package.json')).resolve('typescript/package.json')), 'bin', 'tsc');

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });

const postgresHolding = (dir: string) => runningServer(path.join(dir, 'pg'))?.pid ?? null;

/** The built server as `npm start` runs it, on its own data directory and port. */
async function start(dataDir: string, port: number): Promise<{ child: ChildProcess; output: () => string }> {
  let output = '';
  const child = spawn(process.execPath, [main], {
    env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  for (let waited = 0; waited < 60_000; waited += 200) {
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return { child, output: () => output };
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The server did not become ready:\n${output}`);
}

/** The exit code, once the process has gone; a process killed by a signal has none, but has gone all the same. */
const exited = (child: ChildProcess) =>
  new Promise<number | null>((resolve) =>
    child.exitCode !== null || child.signalCode !== null ? resolve(child.exitCode) : child.once('exit', (code) => resolve(code)),
  );

describe('the server process', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'process-'));

  beforeAll(async () => {
    await promisify(execFile)(process.execPath, [tsc, '-p', path.join(serverDir, 'tsconfig.json')]);
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

  it('refuses a second server on a data directory another server is using, and leaves the first serving', async () => {
    const first = await start(dataDir, await freePort());
    const port = await freePort();
    let output = '';
    const second = spawn(process.execPath, [main], {
      env: { ...process.env, NODE_ENV: 'development', PORT: String(port), DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    second.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    second.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    expect(await exited(second)).toBe(1);
    expect(output).toContain(`Another server (process ${first.child.pid}) is already running on ${dataDir}`);
    expect(postgresHolding(dataDir)).not.toBeNull();
    const url = first
      .output()
      .match(/GraphQL API {3}(\S+)/)![1]!
      .replace('localhost', '127.0.0.1');
    expect((await fetch(url.replace('/graphql', '/readyz'))).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await exited(first.child)).toBe(0);
  }, 120_000);

  it('keeps every acknowledged write when the server is killed outright in the middle of a write load', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crash-'));
    try {
      const port = await freePort();
      const first = await start(dir, port);
      const base = `http://127.0.0.1:${port}/graphql`;
      const post = async (body: unknown, cookie = '') => {
        const response = await fetch(base, {
          method: 'POST',
          headers: { 'content-type': 'application/json', cookie },
          body: JSON.stringify(body),
        });
        return { response, body: (await response.json()) as any };
      };
      const signIn = async () =>
        (
          await post({
            query: 'mutation { login(input: { email: "editor@demo.example", password: "demo-editor-password" }) { expiresAt } }',
          })
        ).response.headers
          .getSetCookie()[0]!
          .split(';')[0]!;
      const cookie = await signIn();
      const entities = (
        await post({ query: '{ entities(first: 8) { edges { node { id version } } } }' }, cookie)
      ).body.data.entities.edges.map((e: any) => e.node);
      const acknowledged: Array<{ id: string; version: number }> = [];
      let running = true;
      const writers = entities.map(async (entity: { id: string; version: number }) => {
        let version = entity.version;
        for (let n = 0; running; n++) {
          try {
            const { body } = await post(
              {
                query: `mutation($input: UpdateEntityInput!) { updateEntity(input: $input) { version } }`,
                variables: { input: { id: entity.id, expectedVersion: version, description: `edit ${n}` } },
              },
              cookie,
            );
            if (!body.data?.updateEntity) return;
            version = body.data.updateEntity.version;
            acknowledged.push({ id: entity.id, version });
          } catch {
            return;
          }
        }
      });
      await new Promise((resolve) => setTimeout(resolve, 1500));
      first.child.kill('SIGKILL');
      running = false;
      await Promise.all(writers);
      await exited(first.child);
      expect(acknowledged.length).toBeGreaterThan(entities.length);

      const second = await start(dir, port);
      const again = await signIn();
      for (const entity of entities) {
        const latest = Math.max(entity.version, ...acknowledged.filter((ack) => ack.id === entity.id).map((ack) => ack.version));
        const { body } = await post(
          {
            query: `query($id: ID!) { entity(id: $id) { version } revisions(recordType: ENTITY, recordId: $id) { version } }`,
            variables: { id: entity.id },
          },
          again,
        );
        expect(body.data.entity.version).toBeGreaterThanOrEqual(latest);
        expect(body.data.revisions.map((r: any) => r.version)).toEqual(Array.from({ length: body.data.entity.version }, (_, i) => i + 1));
      }
      const { body } = await post({ query: '{ verifyRevisionChain { firstBreak { recordId } revisions } }' }, again);
      expect(body.data.verifyRevisionChain.firstBreak).toBeNull();
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
    } finally {
      const left = postgresHolding(dir);
      if (left) process.kill(left, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
