import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import pg from 'pg';

import { loadConfig } from '../../src/config.js';
import { prepareAppLogin } from '../../src/db/app-login.js';
import { EmbeddedPostgres, postgresOsUser, runningServer } from '../../src/db/embedded-postgres.js';
import { migrate } from '../../src/db/open.js';

const REPLICATION_ROLE = 'replicator';
const SLOT = 'standby';
/** What a base backup leaves out: the server's own run files, and WAL the standby streams from the primary instead. */
const NOT_COPIED = new Set(['postmaster.pid', 'postmaster.opts', 'pg_wal', 'pg_replslot', 'standby.signal']);

export interface StreamingReplica {
  /** The schema owner on the primary: a superuser, for what a test does behind the server's back. */
  primaryUrl: string;
  /** The server's login (APP_ROLE) on the primary, and on the standby: the standby is a copy, roles and all. */
  appUrl: string;
  replicaAppUrl: string;
  /** A superuser on the standby, to pause its replay or look at what it runs. */
  replicaUrl: string;
  /** Stops the standby as an operator would (fast shutdown), or kills its every process at once. */
  stopReplica(how?: 'fast' | 'kill'): Promise<void>;
  /** Starts the standby again on its data directory and port: it streams on from where it stopped. */
  startReplica(): Promise<void>;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function withPort(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.port = String(port);
  return parsed.toString();
}

/**
 * A primary and a streaming hot standby from the same embedded PostgreSQL binaries, as a deployment runs them. The
 * package ships no pg_basebackup, so the standby is a base backup taken by hand: `pg_backup_start`, a copy of the
 * data directory, `pg_backup_stop`'s label, then `standby.signal` and `primary_conninfo` through a replication role
 * and a physical slot (the slot keeps the WAL the standby has yet to receive, across its stops).
 */
export async function startStreamingReplica(): Promise<StreamingReplica> {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'streaming-replica-'));
  const primaryDir = path.join(root, 'primary');
  const standbyDir = path.join(root, 'standby');
  const settings = { wal_level: 'replica', max_wal_senders: '4', hot_standby: 'on', hot_standby_feedback: 'on' };
  const primary = new EmbeddedPostgres({ dir: primaryDir, settings });
  const ownerUrl = (await primary.start()).replace(/\/postgres$/, '/provenance');
  const config = loadConfig({ NODE_ENV: 'test', DB_CONNECTION_TIMEOUT_MS: '2000' });
  const replicationPassword = 'replication-password-for-tests';
  await withClient(primary.connectionUrl(), async (client) => {
    await client.query('CREATE DATABASE provenance');
    await client.query(`CREATE ROLE ${REPLICATION_ROLE} WITH REPLICATION LOGIN PASSWORD '${replicationPassword}'`);
    await client.query(`SELECT pg_create_physical_replication_slot('${SLOT}', true)`);
  });
  // initdb's pg_hba.conf already lets `replication` connections in from 127.0.0.1 with a password.
  await migrate(ownerUrl, config);
  const appUrl = await prepareAppLogin(ownerUrl, config);

  const osUser = await postgresOsUser();
  await withClient(primary.connectionUrl(), async (client) => {
    await client.query(`SELECT pg_backup_start('standby', true)`);
    fs.mkdirSync(standbyDir, { recursive: true });
    fs.cpSync(path.join(primaryDir, 'pg-credentials.json'), path.join(standbyDir, 'pg-credentials.json'));
    const from = primary.clusterDir;
    const to = path.join(standbyDir, 'pg');
    fs.cpSync(from, to, { recursive: true, filter: (source) => !NOT_COPIED.has(path.relative(from, source)) });
    fs.mkdirSync(path.join(to, 'pg_wal', 'archive_status'), { recursive: true, mode: 0o700 });
    fs.mkdirSync(path.join(to, 'pg_replslot'), { mode: 0o700 });
    const { rows } = await client.query<{ labelfile: string }>('SELECT labelfile FROM pg_backup_stop(true)');
    fs.writeFileSync(path.join(to, 'backup_label'), rows[0]!.labelfile);
    fs.writeFileSync(path.join(to, 'standby.signal'), '');
    const conninfo = `host=127.0.0.1 port=${primary.port} user=${REPLICATION_ROLE} password=${replicationPassword} application_name=standby`;
    fs.appendFileSync(path.join(to, 'postgresql.auto.conf'), `primary_conninfo = '${conninfo}'\nprimary_slot_name = '${SLOT}'\n`);
    if (osUser) chownTree(to, osUser.uid, osUser.gid);
  });

  let standby = new EmbeddedPostgres({ dir: standbyDir, settings });
  await standby.start();
  const standbyPort = standby.port;
  const replicaUrl = withPort(ownerUrl, standbyPort);
  // Streaming has begun once the primary sees the standby's WAL receiver.
  await withClient(primary.connectionUrl(), async (client) => {
    for (let tries = 0; ; tries++) {
      const { rowCount } = await client.query(
        `SELECT 1 FROM pg_stat_replication WHERE application_name = 'standby' AND state = 'streaming'`,
      );
      if (rowCount) return;
      if (tries > 300) throw new Error('The standby did not start streaming');
      await sleep(50);
    }
  });

  return {
    primaryUrl: ownerUrl,
    appUrl,
    replicaAppUrl: withPort(appUrl, standbyPort),
    replicaUrl,
    async stopReplica(how = 'fast') {
      if (how === 'fast') return standby.stop();
      const postmaster = runningServer(standby.clusterDir);
      if (!postmaster) throw new Error('The standby is not running');
      process.kill(-postmaster.pid, 'SIGKILL');
      while (runningServer(standby.clusterDir)) await sleep(20);
    },
    async startReplica() {
      // After a kill, the shared memory its last backends held may not be free yet: try again, as a supervisor would.
      for (const started = Date.now(); ; await sleep(200)) {
        standby = new EmbeddedPostgres({ dir: standbyDir, port: standbyPort, settings });
        try {
          await standby.start();
          return;
        } catch (error) {
          if (Date.now() - started > 20_000) throw error;
        }
      }
    },
    async close() {
      await standby.stop();
      await primary.stop();
      for (const dir of [standby.clusterDir, primary.clusterDir]) {
        const left = runningServer(dir);
        if (left) process.kill(left.pid, 'SIGKILL');
      }
      fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

function chownTree(dir: string, uid: number, gid: number): void {
  fs.chownSync(dir, uid, gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(full, uid, gid);
    else fs.chownSync(full, uid, gid);
  }
}
