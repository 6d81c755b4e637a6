import pg from 'pg';
import type { DataSource } from 'typeorm';

/** The channel the revisions table notifies on each insert (migration RevisionTransactions), at commit. */
const CHANNEL = 'revisions';
const RECONNECT_MS = 1000;

/** Wakes live readers of the change feed when any server, this one or another, commits a write. */
export interface RevisionSignal {
  /** Listens, if not yet; a reader starts reading only after, so that no write slips between its read and its wait. */
  start(): Promise<void>;
  /** Counts the wake-ups so far: a reader notes it before reading, and waits for a later one. */
  readonly generation: number;
  /** Resolves once `generation` passes `seen` (at once if it has), after `ms` at the latest, or when `abort` fires. */
  next(seen: number, ms: number, abort: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/**
 * The URL the listener logs in with: `listenUrl` (config DATABASE_LISTEN_URL) with the pool's user and password where
 * it names none, since the app's password may be derived rather than written anywhere; else the pool's own URL.
 */
function listenerUrl(dataSource: DataSource, listenUrl: string | null): string {
  const poolUrl = new URL((dataSource.options as { url: string }).url);
  if (!listenUrl) return poolUrl.toString();
  const url = new URL(listenUrl);
  if (!url.username) {
    url.username = poolUrl.username;
    url.password = poolUrl.password;
  }
  return url.toString();
}

/**
 * One connection per server LISTENs, made when the first live reader waits, with `listenUrl` when given (see
 * `listenerUrl`). When it breaks, every reader is woken to read what it may have missed, and it is made again.
 */
export function revisionSignal(
  dataSource: DataSource,
  listenUrl: string | null,
  log: (message: string, error?: unknown) => void,
): RevisionSignal {
  const connectionString = listenerUrl(dataSource, listenUrl);
  const waiters = new Set<() => void>();
  let generation = 0;
  const wakeAll = () => {
    generation += 1;
    for (const wake of [...waiters]) wake();
  };
  let client: pg.Client | null = null;
  let connecting: Promise<void> | null = null;
  let closed = false;

  const connect = (): Promise<void> =>
    (connecting ??= (async () => {
      const listener = new pg.Client({ connectionString, application_name: 'provenance-store-listener' });
      listener.on('notification', wakeAll);
      listener.on('error', (error) => {
        log('The change feed listener lost its connection', error);
        client = null;
        connecting = null;
        listener.end().catch(() => undefined);
        wakeAll();
        if (!closed) setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS).unref();
      });
      try {
        await listener.connect();
        await listener.query(`LISTEN ${CHANNEL}`);
        client = listener;
      } catch (error) {
        connecting = null;
        log('The change feed listener could not connect', error);
        await listener.end().catch(() => undefined);
        if (!closed) setTimeout(() => void connect().catch(() => undefined), RECONNECT_MS).unref();
      }
    })());

  return {
    async start() {
      if (!client && !closed) await connect();
    },
    get generation() {
      return generation;
    },
    async next(seen, ms, abort) {
      if (generation > seen || abort.aborted) return;
      await new Promise<void>((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          abort.removeEventListener('abort', done);
          resolve();
        };
        const timer = setTimeout(done, ms);
        waiters.add(done);
        abort.addEventListener('abort', done);
      });
    },
    async close() {
      closed = true;
      wakeAll();
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
