import { AsyncLocalStorage } from 'node:async_hooks';
import { createHmac, timingSafeEqual } from 'node:crypto';

import pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';

import type { Config } from '../config.js';
import { seesUnreviewed, type Viewer } from '../core/access/viewer.js';

/** A WAL position as PostgreSQL writes it (`16/B374D848`), as one number. */
type Lsn = bigint;

function parseLsn(text: string): Lsn {
  const [high, low] = text.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

export type ReplicaState = 'starting' | 'in rotation' | 'out of rotation';

export interface ReplicaReport {
  name: string;
  state: ReplicaState;
  /** How long ago the primary first held a write this standby has not replayed; null while unreachable. */
  lagMs: number | null;
  /** How many bytes of WAL it is behind the primary; null while unreachable. */
  lagBytes: number | null;
  /** Why it is out of rotation. */
  problem: string | null;
}

interface Replica {
  name: string;
  pool: pg.Pool;
  /** One connection of its own for the checks, so that they never wait behind reads, and show apart from them. */
  checks: pg.Pool;
  /** TypeORM's driver with this standby's pool as its own: a query runner connects through it to the standby. */
  driver: object;
  state: ReplicaState;
  replayed: Lsn;
  lagMs: number | null;
  lagBytes: number | null;
  problem: string | null;
}

/** Where a request's reads may go, and what its caller last wrote; kept for the request by `scope`. */
interface ReadScope {
  readonly cookies: string | undefined;
  readonly setCookie: (name: string, value: string, maxAgeMs: number) => void;
  viewer: Viewer | null;
  /** The caller's last write as this request knows it: read from its cookie and the server's memory once, then kept. */
  position?: Lsn;
  /** Set once a read on a standby failed: the rest of the request reads the primary. */
  primaryOnly: boolean;
  /** A WAL position every standby that answers this request must have replayed, whoever the caller (`readAfter`). */
  atLeast: Lsn;
}

const scopes = new AsyncLocalStorage<ReadScope>();

/** Says who the request is from, which decides where its reads may go; a request not yet told reads the primary. */
export function admitReads(viewer: Viewer): void {
  const scope = scopes.getStore();
  if (scope) scope.viewer = viewer;
}

/**
 * From now on, the request reads a standby only if it has replayed `lsn`, a position of the primary's WAL: its answer
 * then holds every write the primary had committed when `lsn` was read (the public cache's misses), else the primary.
 */
export function readAfter(lsn: string): void {
  const scope = scopes.getStore();
  const position = parseLsn(lsn);
  if (scope && position > scope.atLeast) scope.atLeast = position;
}

/** Runs `read` on the primary, whoever asks: for reads that must see every commit (the change feed). */
export function onPrimary<T>(read: () => Promise<T>): Promise<T> {
  const scope = scopes.getStore();
  if (!scope) return read();
  return scopes.run({ ...scope, primaryOnly: true }, read);
}

/** PostgreSQL's SQLSTATE of an error, from pg or TypeORM; null for a connection that failed outside PostgreSQL. */
function sqlState(error: unknown): string | null {
  const source = ((error as { driverError?: unknown }).driverError ?? error) as { code?: unknown; severity?: unknown };
  // PostgreSQL's own errors carry a severity; Node's (EPIPE, ECONNREFUSED) carry only a code.
  return typeof source.severity === 'string' && typeof source.code === 'string' ? source.code : null;
}

/** The standby's connection is gone or going (connection failure, shutdown, crash): it leaves rotation at once. */
function standbyBroken(error: unknown): boolean {
  const code = sqlState(error);
  return code === null || code.startsWith('08') || code.startsWith('57P') || code.startsWith('58');
}

/**
 * The errors that say the standby, not the statement, is at fault, so the primary may answer: a broken standby,
 * one short of resources (53), a read cancelled by a conflict with recovery (40001, 40P01), and a write sent to a
 * read-only standby (25006). A statement timeout (57014) is not among them: the primary would take as long.
 */
function standbyAtFault(error: unknown): boolean {
  const code = sqlState(error);
  return standbyBroken(error) || code!.startsWith('53') || ['40001', '40P01', '25006'].includes(code!);
}

/**
 * A statement a standby can answer: a SELECT, or a WITH whose parts only read. Writes outside a transaction (the
 * sign-in counters) and locking reads (FOR UPDATE, FOR SHARE) go to the primary. The text is the statement's own,
 * never a caller's values, which travel as parameters.
 */
function readOnly(text: string): boolean {
  const start = /^\s*(\w+)/.exec(text)?.[1]?.toUpperCase();
  return (start === 'SELECT' || start === 'WITH') && !/\b(INSERT|UPDATE|DELETE|MERGE|SHARE)\b/i.test(text);
}

/** TypeORM's query runner's own fields this module sets: a runner is moved from a standby to the primary mid-use. */
interface RunnerInternals {
  driver: object;
  databaseConnection?: unknown;
  databaseConnectionPromise?: Promise<unknown>;
  releaseCallback?: (error?: unknown) => void;
}

const POSITION_COOKIE = 'ps_read_after';

/**
 * Reads that may be slightly stale (anonymous callers, client apps' keys) go to a hot standby in rotation; writes,
 * transactions and staff go to the primary. After a caller's transaction commits, the primary's WAL position is
 * kept for them (per API key here, per person in a cookie signed with the auth secret), and their later reads go to
 * a standby only once it has replayed past it. Routing is done where query runners connect, so services, loaders
 * and the SQL layer stay as they are.
 */
export class ReadReplicas {
  private readonly replicas: Replica[];
  /** The primary's WAL position at each check, oldest first, for `forgetAfterMs`. */
  private readonly samples: Array<{ at: number; lsn: Lsn }> = [];
  /** What each caller last wrote, and when, for `forgetAfterMs`. */
  private readonly positions = new Map<string, { lsn: Lsn; at: number }>();
  private timer: NodeJS.Timeout | null = null;
  private checking: Promise<void> | null = null;
  private next = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly settings: Config['replicas'],
    db: Config['db'],
    private readonly auth: Config['auth'],
    private readonly log: (message: string, error?: unknown) => void,
  ) {
    const driver = dataSource.driver as unknown as object;
    this.replicas = settings.urls.map((url) => {
      const { host } = new URL(url);
      const pool = new pg.Pool({
        connectionString: url,
        max: db.poolSize,
        connectionTimeoutMillis: db.connectionTimeoutMs,
        statement_timeout: db.statementTimeoutMs,
        application_name: 'provenance-store',
      });
      pool.on('error', () => undefined);
      // A standby that stops ends each connection with a FATAL error, which a client can emit again after TypeORM has
      // released it with the first: the read in flight still fails over, and a second emission must not crash the process.
      pool.on('connect', (client) => client.on('error', () => undefined));
      const checks = new pg.Pool({
        connectionString: url,
        max: 1,
        connectionTimeoutMillis: db.connectionTimeoutMs,
        statement_timeout: db.statementTimeoutMs,
        application_name: 'provenance-store-replica-check',
      });
      checks.on('error', () => undefined);
      checks.on('connect', (client) => client.on('error', () => undefined));
      const replica: Replica = {
        name: host,
        pool,
        checks,
        driver: Object.create(driver, { master: { value: pool } }) as object,
        state: 'starting',
        replayed: 0n,
        lagMs: null,
        lagBytes: null,
        problem: null,
      };
      return replica;
    });
  }

  /** Routes the data source's query runners from now on, and checks the standbys at once and then every interval. */
  async start(): Promise<void> {
    const create = this.dataSource.createQueryRunner.bind(this.dataSource);
    this.dataSource.createQueryRunner = (mode) => this.routed(create(mode));
    await this.check();
    this.timer = setInterval(() => void this.check(), this.settings.checkIntervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.checking;
    await Promise.all(this.replicas.map((replica) => Promise.all([replica.pool.end(), replica.checks.end()]).catch(() => undefined)));
  }

  report(): ReplicaReport[] {
    return this.replicas.map(({ name, state, lagMs, lagBytes, problem }) => ({ name, state, lagMs, lagBytes, problem }));
  }

  /** Express middleware: the request's reads are routed by who it turns out to be from (`admitReads`). */
  scope = (req: { headers: { cookie?: string } }, res: { headersSent: boolean }, next: () => void): void => {
    scopes.run(this.newScope(req, res), next);
  };

  /** As `scope`, for a handler outside Express's router. */
  run<T>(req: { headers: { cookie?: string } }, res: { headersSent: boolean }, handle: () => T): T {
    return scopes.run(this.newScope(req, res), handle);
  }

  private newScope(req: { headers: { cookie?: string } }, res: { headersSent: boolean }): ReadScope {
    return {
      cookies: req.headers.cookie,
      // Looked up when a write commits: the fast GraphQL path gives the response Express's prototype after this.
      setCookie: (name, value, maxAgeMs) => {
        const { cookie } = res as { cookie?: (name: string, value: string, options: object) => void };
        if (cookie && !res.headersSent)
          cookie.call(res, name, value, {
            httpOnly: true,
            sameSite: 'strict',
            secure: this.auth.secureCookies,
            path: '/',
            maxAge: maxAgeMs,
          });
      },
      viewer: null,
      primaryOnly: false,
      atLeast: 0n,
    };
  }

  /** Whom a position is kept for: a client app's key, or a person; staff read the primary and need none. */
  private callerOf(scope: ReadScope | undefined): string | null {
    const viewer = scope?.viewer;
    if (!viewer || seesUnreviewed(viewer)) return null;
    if (viewer.apiKeyId) return `key:${viewer.apiKeyId}`;
    if (viewer.userId) return `user:${viewer.userId}`;
    return null;
  }

  private sign(caller: string, lsn: string): string {
    return createHmac('sha256', this.auth.secret).update(`${POSITION_COOKIE}\n${caller}\n${lsn}`).digest('base64url');
  }

  /** The WAL position a standby must have replayed before this caller reads from it. */
  private positionOf(caller: string | null, scope: ReadScope): Lsn {
    if (!caller) return 0n;
    if (scope.position !== undefined) return scope.position;
    let position = this.positions.get(caller)?.lsn ?? 0n;
    // Its value is `<lsn in hex>.<signature>`: neither part has a character that cookies escape.
    const [lsn, signature] = (/(?:^|;\s*)ps_read_after=([^;]*)/.exec(scope.cookies ?? '')?.[1] ?? '').split('.');
    if (caller.startsWith('user:') && lsn && signature && /^[0-9a-f]{1,16}$/.test(lsn)) {
      const expected = Buffer.from(this.sign(caller, lsn));
      const given = Buffer.from(signature);
      if (given.length === expected.length && timingSafeEqual(given, expected) && BigInt(`0x${lsn}`) > position)
        position = BigInt(`0x${lsn}`);
    }
    scope.position = position;
    return position;
  }

  private remember(scope: ReadScope, caller: string, lsn: Lsn): void {
    this.positions.set(caller, { lsn, at: Date.now() });
    scope.position = lsn;
    if (caller.startsWith('user:')) {
      const text = lsn.toString(16);
      scope.setCookie(POSITION_COOKIE, `${text}.${this.sign(caller, text)}`, this.forgetAfterMs);
    }
  }

  /** A standby in rotation that has replayed past `position`, taking turns; null: the primary. */
  private choose(scope: ReadScope | undefined): Replica | null {
    if (!scope || scope.primaryOnly || !scope.viewer || seesUnreviewed(scope.viewer)) return null;
    const own = this.positionOf(this.callerOf(scope), scope);
    const position = own > scope.atLeast ? own : scope.atLeast;
    for (let tried = 0; tried < this.replicas.length; tried++) {
      const replica = this.replicas[(this.next + tried) % this.replicas.length]!;
      if (replica.state === 'in rotation' && replica.replayed >= position) {
        this.next = (this.next + tried + 1) % this.replicas.length;
        return replica;
      }
    }
    return null;
  }

  private takeOut(replica: Replica, problem: string, error?: unknown): void {
    if (replica.state !== 'out of rotation') this.log(`Read replica ${replica.name} is out of rotation: ${problem}`, error);
    replica.state = 'out of rotation';
    replica.problem = problem;
  }

  private routed(runner: QueryRunner): QueryRunner {
    const internals = runner as unknown as RunnerInternals;
    const primaryDriver = internals.driver;
    const connect = runner.connect.bind(runner);
    const query = runner.query.bind(runner) as (text: string, parameters?: unknown[], structured?: boolean) => Promise<unknown>;
    const commit = runner.commitTransaction.bind(runner);
    const start = runner.startTransaction.bind(runner);
    let onReplica: Replica | null = null;

    /** Gives the standby's connection back (destroyed if `failure` broke it); the runner connects next to the primary. */
    const leaveStandby = (failure: unknown) => {
      const broken = failure !== null && standbyBroken(failure);
      if (broken && onReplica) this.takeOut(onReplica, 'a query failed on it', failure);
      internals.releaseCallback?.(broken ? failure : undefined);
      internals.releaseCallback = undefined;
      internals.databaseConnection = undefined;
      internals.databaseConnectionPromise = undefined;
      const connected = (primaryDriver as { connectedQueryRunners: QueryRunner[] }).connectedQueryRunners;
      if (connected.includes(runner)) connected.splice(connected.indexOf(runner), 1);
      const scope = scopes.getStore();
      if (scope && failure !== null) scope.primaryOnly = true;
      onReplica = null;
    };

    /** Whether the statement about to be sent writes: set just before it connects, by `query` or `sending`. */
    let writing = false;
    const toSend = (text: string) => {
      writing = !readOnly(text);
      if (writing && onReplica) leaveStandby(null);
    };

    runner.connect = () => {
      if (internals.databaseConnectionPromise || runner.isTransactionActive || writing) return connect();
      const replica = this.choose(scopes.getStore());
      if (!replica) return connect();
      onReplica = replica;
      // TypeORM's runner connects through `this.driver.obtainMasterConnection()` at once: lent the standby's driver
      // for that call, it holds a connection from the standby's pool and gives it back there.
      internals.driver = replica.driver;
      let connecting: Promise<unknown>;
      try {
        connecting = connect();
      } finally {
        internals.driver = primaryDriver;
      }
      return connecting.catch((error: unknown) => {
        leaveStandby(error);
        return connect();
      });
    };

    runner.query = (async (text: string, parameters?: unknown[], structured?: boolean) => {
      toSend(text);
      try {
        return await query(text, parameters, structured);
      } catch (error) {
        if (!onReplica || !standbyAtFault(error)) throw error;
        leaveStandby(error);
        return query(text, parameters, structured);
      }
    }) as QueryRunner['query'];

    // A runner connected before its transaction began (checkpoint-tree.ts) runs the transaction on the primary.
    runner.startTransaction = (isolation) => {
      if (onReplica) leaveStandby(null);
      return start(isolation);
    };

    runner.commitTransaction = async () => {
      await commit();
      if (runner.isTransactionActive) return;
      const scope = scopes.getStore();
      const caller = this.callerOf(scope);
      if (!scope || !caller) return;
      const [row] = (await query('SELECT pg_current_wal_lsn()::text AS lsn')) as Array<{ lsn: string }>;
      this.remember(scope, caller, parseLsn(row!.lsn));
    };

    Object.assign(runner, {
      [SENDING]: toSend,
      [MOVE_TO_PRIMARY]: (error: unknown) => (onReplica && standbyAtFault(error) ? (leaveStandby(error), true) : false),
    });
    return runner;
  }

  /**
   * How long a write may matter to routing. A standby in rotation was, when last checked (at most an interval ago),
   * behind by at most the bound, measured between checks (one interval more): it has replayed all the primary held
   * this long ago. Past it, a caller's position is dropped, and so is a sample of the primary's.
   */
  private get forgetAfterMs(): number {
    return this.settings.maxLagMs + 2 * this.settings.checkIntervalMs;
  }

  /** Looks at the primary's position, then at each standby's, and moves standbys in and out of rotation. */
  private check(): Promise<void> {
    this.checking ??= (async () => {
      try {
        const now = Date.now();
        const [primary] = (await this.dataSource.query('SELECT pg_current_wal_lsn()::text AS lsn')) as Array<{ lsn: string }>;
        this.samples.push({ at: now, lsn: parseLsn(primary!.lsn) });
        while (this.samples.length > 1 && now - this.samples[0]!.at > this.forgetAfterMs) this.samples.shift();
        for (const [caller, { at }] of this.positions) if (now - at > this.forgetAfterMs) this.positions.delete(caller);
        await Promise.all(this.replicas.map((replica) => this.checkReplica(replica, now)));
      } catch (error) {
        this.log('Could not check the read replicas against the primary', error);
      } finally {
        this.checking = null;
      }
    })();
    return this.checking;
  }

  private async checkReplica(replica: Replica, now: number): Promise<void> {
    let row: { recovering: boolean; replayed: string | null };
    try {
      const { rows } = await replica.checks.query<{ recovering: boolean; replayed: string | null }>(
        'SELECT pg_is_in_recovery() AS recovering, pg_last_wal_replay_lsn()::text AS replayed',
      );
      row = rows[0]!;
    } catch (error) {
      replica.lagMs = null;
      replica.lagBytes = null;
      this.takeOut(replica, `unreachable (${(error as Error).message})`);
      return;
    }
    if (!row.recovering || row.replayed === null) {
      this.takeOut(replica, 'it is not a standby in recovery');
      return;
    }
    replica.replayed = parseLsn(row.replayed);
    const latest = this.samples.at(-1)!;
    // Behind since the first moment the primary was seen past what the standby has replayed.
    const firstAhead = this.samples.find((sample) => sample.lsn > replica.replayed);
    replica.lagMs = firstAhead ? now - firstAhead.at : 0;
    replica.lagBytes = latest.lsn > replica.replayed ? Number(latest.lsn - replica.replayed) : 0;
    if (replica.lagMs > this.settings.maxLagMs) {
      this.takeOut(replica, `${replica.lagMs} ms behind the primary, over the ${this.settings.maxLagMs} ms allowed`);
      return;
    }
    if (replica.state !== 'in rotation') this.log(`Read replica ${replica.name} is in rotation (${replica.lagMs} ms behind)`);
    replica.state = 'in rotation';
    replica.problem = null;
  }
}

/** Set on a runner routed by ReadReplicas: moves it to the primary after a standby failed it. */
const MOVE_TO_PRIMARY = Symbol('moveToPrimary');
/** Set on a runner routed by ReadReplicas: told the statement it will send next, before it connects. */
const SENDING = Symbol('sending');

/**
 * Tells a runner the statement it is about to send on its connection itself (as `preparedQuery` does), before it
 * connects: a statement that writes goes to the primary, whoever sends it.
 */
export function sending(runner: QueryRunner, text: string): void {
  (runner as unknown as { [SENDING]?: (text: string) => void })[SENDING]?.(text);
}

/**
 * After `error` from a query the runner sent itself (not through `query`, as `preparedQuery` does): true if the
 * runner was on a standby at fault, and is now on its way to the primary, where the caller should send it again.
 */
export function movedToPrimary(runner: QueryRunner, error: unknown): boolean {
  const move = (runner as unknown as { [MOVE_TO_PRIMARY]?: (error: unknown) => boolean })[MOVE_TO_PRIMARY];
  return move ? move(error) : false;
}
