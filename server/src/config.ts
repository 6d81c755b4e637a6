import path from 'node:path';

import { guessability } from './core/guessability.js';
import { repoRoot } from './paths.js';

export type Environment = 'development' | 'test' | 'production';

export interface Config {
  env: Environment;
  host: string;
  port: number;
  /**
   * Where clients reach this server, with no trailing slash: every linked-data IRI is minted under it, so one
   * record has one IRI whatever host name a request came by.
   */
  publicUrl: string;
  /** Express's `trust proxy`: which proxies may tell the client's address (X-Forwarded-For); none by default. */
  trustProxy: string | false;
  /** Set: run against this PostgreSQL. Unset: start an embedded one in `dataDir`. */
  databaseUrl: string | null;
  /**
   * Set: the server's pool logs in with this URL, whose role must not be a superuser, and nothing touches that
   * role's password. Unset: it logs in as APP_ROLE on the owner's host with a password derived from AUTH_SECRET.
   */
  databaseAppUrl: string | null;
  /**
   * Set: the change feed's one LISTEN connection per server logs in with this URL (straight to PostgreSQL, or through
   * a session-mode pooler), since a transaction-mode pooler hands each statement any server connection and loses the
   * notifications. A user or password it leaves out is the pool's. Unset: the pool's URL.
   */
  databaseListenUrl: string | null;
  dataDir: string;
  /** Hot standbys streaming from the primary, which take reads that may be slightly stale (docs/replicas.md). */
  replicas: {
    /** The server's login on each standby; none: every read goes to the primary, as with no replicas at all. */
    urls: string[];
    /** A standby further behind the primary than this is taken out of rotation until it catches up. */
    maxLagMs: number;
    /** How often each standby's replay position and health are looked at. */
    checkIntervalMs: number;
  };
  db: {
    poolSize: number;
    connectionTimeoutMs: number;
    statementTimeoutMs: number;
    /** How many statement texts each connection keeps prepared (core/sql/prepared.ts), least recently run dropped. */
    maxPreparedStatements: number;
    /**
     * Off: every statement is sent unnamed, so nothing lives on a server connection between transactions, as a
     * transaction-mode pooler (PgBouncer before 1.21) needs; each statement is then parsed and planned every time.
     */
    preparedStatements: boolean;
  };
  graphql: {
    introspection: boolean;
    /** GraphiQL at /graphql for a browser; development only by default. */
    explorer: boolean;
    /** How long one change may take to go out over a subscription's WebSocket before the connection is dropped. */
    subscriptionSendTimeoutMs: number;
    /** Whether answers of plain data are written by PostgreSQL and passed through (graphql/passthrough.ts); off to compare. */
    passthrough: boolean;
  };
  /** What anonymous callers and client apps read, kept to answer them again (http/public-answers.ts). */
  publicCache: {
    /** Off: every answer is worked out afresh; GET answers still carry Cache-Control and an ETag. */
    enabled: boolean;
    /** The most the kept answers, with their keys, may take; the least recently read go first. */
    maxBytes: number;
    /** How long a CDN or browser may reuse a GET answer without asking again: its answers can be this stale. */
    maxAgeSeconds: number;
  };
  seedOnStart: boolean;
  auth: {
    /** Signs session tokens (HS256); production refuses the development default. */
    secret: string;
    sessionTtlSeconds: number;
    /** Cookies only over HTTPS; on by default in production. */
    secureCookies: boolean;
  };
  checkpoints: {
    /** An Ed25519 private key, PKCS8 PEM or its DER in base64; it must never be stored in the database. */
    signingKey: string | null;
    /** Or a file holding one. Neither given: development and tests make one in the data directory; production refuses. */
    signingKeyFile: string | null;
    /** How often a checkpoint is made when the log has moved; 0 makes them only on demand. */
    intervalSeconds: number;
  };
  jobs: {
    /** Work the job queue inside this server (the default), or leave it to `npm run worker` processes. */
    runInServer: boolean;
    /** Jobs one process runs at once. */
    concurrency: number;
    /** Tries of one job before it is reported failed; the queue waits e^n seconds after the nth. */
    maxAttempts: number;
    /** How long a job may stay locked by a worker whose process has gone before another worker takes it over. */
    reclaimAfterMs: number;
  };
}

/** Known to everyone who reads this file: fine on a laptop, refused in production. */
export const DEVELOPMENT_AUTH_SECRET = 'development-only-secret-do-not-use-in-production';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

type Env = Record<string, string | undefined>;

/**
 * What makes a signing secret guessable, or null. Anyone holding one token can test guesses offline at billions a
 * second, so length is not enough: 40 times "a", or words in a row, are long and found at once.
 */
function secretWeakness(secret: string): string | null {
  if (secret.length < 32) return 'must be at least 32 characters';
  const distinct = new Set(secret).size;
  if (distinct < 10) return `is too easy to guess: it has only ${distinct} different characters`;
  // About 80 bits: 10^24 guesses at 10^10 a second take 3 million years.
  const { guessesLog10, feedback } = guessability(secret);
  if (guessesLog10 < 24)
    return `is too easy to guess${feedback.warning ? ` (${feedback.warning})` : ''}: repeats, sequences, keyboard rows and common words cost an attacker little`;
  return null;
}

/** Reads and validates every setting at once, so a bad start names all its problems together. */
export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = [];

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    const value = Number(raw);
    if (!Number.isInteger(value) || value < min || value > max) {
      problems.push(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const bool = (name: string, fallback: boolean): boolean => {
    const raw = env[name];
    if (raw === undefined || raw === '') return fallback;
    if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true;
    if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false;
    problems.push(`${name} must be true or false (got "${raw}")`);
    return fallback;
  };

  const rawEnv = env.NODE_ENV ?? 'development';
  let envName: Environment = 'development';
  if (rawEnv === 'development' || rawEnv === 'test' || rawEnv === 'production') envName = rawEnv;
  else problems.push(`NODE_ENV must be development, test or production (got "${rawEnv}")`);

  const postgresUrl = (name: string): string | null => {
    const raw = env[name]?.trim() || null;
    if (raw === null) return null;
    try {
      const url = new URL(raw);
      if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
        problems.push(`${name} must be a postgres:// or postgresql:// URL (got "${url.protocol}")`);
      }
    } catch {
      problems.push(`${name} is not a valid URL`);
    }
    return raw;
  };
  const databaseUrl = postgresUrl('DATABASE_URL');
  const databaseAppUrl = postgresUrl('DATABASE_APP_URL');
  const databaseListenUrl = postgresUrl('DATABASE_LISTEN_URL');
  if (databaseAppUrl !== null && databaseUrl === null)
    problems.push('DATABASE_APP_URL needs DATABASE_URL (the owner, who runs the migrations)');

  const replicaUrls = (env.DATABASE_REPLICA_URLS ?? '')
    .split(',')
    .map((url) => url.trim())
    .filter((url) => url !== '');
  replicaUrls.forEach((url, index) => {
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:')
        problems.push(`DATABASE_REPLICA_URLS[${index}] must be a postgres:// or postgresql:// URL (got "${parsed.protocol}")`);
    } catch {
      problems.push(`DATABASE_REPLICA_URLS[${index}] is not a valid URL`);
    }
  });
  if (replicaUrls.length > 0 && databaseUrl === null)
    problems.push('DATABASE_REPLICA_URLS needs DATABASE_URL (the primary they stream from)');

  const port = int('PORT', 4000, 1, 65535);
  const publicUrl = (): string => {
    const raw = env.PUBLIC_URL?.trim();
    if (!raw) {
      if (envName === 'production')
        problems.push(
          'PUBLIC_URL must be set in production (the address clients reach the server at; every linked-data IRI is minted under it)',
        );
      return `http://localhost:${port}`;
    }
    try {
      const url = new URL(raw);
      if ((url.protocol !== 'http:' && url.protocol !== 'https:') || url.search || url.hash || url.username) {
        problems.push(`PUBLIC_URL must be an http:// or https:// address with no query, fragment or credentials (got "${raw}")`);
      }
      return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
    } catch {
      problems.push(`PUBLIC_URL is not a valid URL (got "${raw}")`);
      return raw;
    }
  };

  const config: Config = {
    env: envName,
    host: env.HOST?.trim() || '0.0.0.0',
    port,
    publicUrl: publicUrl(),
    trustProxy: env.TRUST_PROXY?.trim() || false,
    databaseUrl,
    databaseAppUrl,
    databaseListenUrl,
    dataDir: path.resolve(repoRoot, env.DATA_DIR?.trim() || '.data'),
    replicas: {
      urls: replicaUrls,
      maxLagMs: int('DATABASE_REPLICA_MAX_LAG_MS', 10_000, 100, 3_600_000),
      checkIntervalMs: int('DATABASE_REPLICA_CHECK_INTERVAL_MS', 1000, 50, 60_000),
    },
    db: {
      poolSize: int('DB_POOL_SIZE', 10, 1, 200),
      connectionTimeoutMs: int('DB_CONNECTION_TIMEOUT_MS', 5000, 100, 120000),
      statementTimeoutMs: int('DB_STATEMENT_TIMEOUT_MS', 15000, 100, 600000),
      maxPreparedStatements: int('DB_MAX_PREPARED_STATEMENTS', 256, 1, 100000),
      preparedStatements: bool('DATABASE_PREPARED_STATEMENTS', true),
    },
    graphql: {
      introspection: bool('GRAPHQL_INTROSPECTION', envName !== 'production'),
      explorer: bool('GRAPHQL_EXPLORER', envName === 'development'),
      subscriptionSendTimeoutMs: int('SUBSCRIPTION_SEND_TIMEOUT_MS', 10_000, 100, 600_000),
      passthrough: bool('GRAPHQL_PASSTHROUGH', true),
    },
    publicCache: {
      enabled: bool('PUBLIC_CACHE', true),
      maxBytes: int('PUBLIC_CACHE_MB', 64, 1, 16 * 1024) * 2 ** 20,
      maxAgeSeconds: int('PUBLIC_CACHE_MAX_AGE_SECONDS', 5, 0, 24 * 60 * 60),
    },
    seedOnStart: bool('SEED_ON_START', true),
    auth: {
      secret: env.AUTH_SECRET ?? DEVELOPMENT_AUTH_SECRET,
      sessionTtlSeconds: int('SESSION_TTL_SECONDS', 30 * 60, 60, 24 * 60 * 60),
      secureCookies: bool('SECURE_COOKIES', envName === 'production'),
    },
    checkpoints: {
      signingKey: env.CHECKPOINT_SIGNING_KEY?.trim() || null,
      signingKeyFile: env.CHECKPOINT_SIGNING_KEY_FILE?.trim() ? path.resolve(repoRoot, env.CHECKPOINT_SIGNING_KEY_FILE.trim()) : null,
      intervalSeconds: int('CHECKPOINT_INTERVAL_SECONDS', envName === 'test' ? 0 : 600, 0, 7 * 24 * 60 * 60),
    },
    jobs: {
      runInServer: bool('JOBS_IN_SERVER', true),
      concurrency: int('JOBS_CONCURRENCY', 2, 1, 32),
      maxAttempts: int('JOBS_MAX_ATTEMPTS', 5, 1, 25),
      reclaimAfterMs: int('JOBS_RECLAIM_AFTER_MS', 30_000, 100, 4 * 60 * 60 * 1000),
    },
  };
  // The default is refused in production by name; checking it would load the dictionaries into every process.
  const weakness = config.auth.secret === DEVELOPMENT_AUTH_SECRET ? null : secretWeakness(config.auth.secret);
  if (weakness) problems.push(`AUTH_SECRET ${weakness}; use a random value, such as the output of \`openssl rand -base64 48\``);
  if (config.checkpoints.signingKey && config.checkpoints.signingKeyFile)
    problems.push('give CHECKPOINT_SIGNING_KEY or CHECKPOINT_SIGNING_KEY_FILE, not both');
  if (envName === 'production' && !config.checkpoints.signingKey && !config.checkpoints.signingKeyFile) {
    problems.push(
      'CHECKPOINT_SIGNING_KEY or CHECKPOINT_SIGNING_KEY_FILE must be set in production (checkpoints are signed with a key kept outside the database)',
    );
  }
  if (envName === 'production' && config.auth.secret === DEVELOPMENT_AUTH_SECRET) {
    problems.push('AUTH_SECRET must be set in production (the development default is public)');
  }

  if (problems.length > 0) throw new ConfigError(problems);
  return config;
}
