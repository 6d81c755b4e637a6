import { describe, expect, it } from 'vitest';

import { ConfigError, loadConfig } from './config.js';

describe('loadConfig', () => {
  it('defaults to development on port 4000 with an embedded database', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ env: 'development', port: 4000, databaseUrl: null, graphql: { introspection: true } });
    expect(config.dataDir).toMatch(/\.data$/);
  });

  it('reads PORT and DATABASE_URL', () => {
    expect(loadConfig({ PORT: '4100', DATABASE_URL: 'postgres://u:p@db:5432/x' })).toMatchObject({
      port: 4100,
      databaseUrl: 'postgres://u:p@db:5432/x',
    });
  });

  const production = {
    NODE_ENV: 'production',
    AUTH_SECRET: 'a-production-secret-of-at-least-32-characters',
    CHECKPOINT_SIGNING_KEY_FILE: '/run/secrets/checkpoint.pem',
    PUBLIC_URL: 'https://provenance.example.org',
  };

  it('mints IRIs under PUBLIC_URL, localhost on the port outside production, and refuses production without one', () => {
    expect(loadConfig({ PORT: '4100' }).publicUrl).toBe('http://localhost:4100');
    expect(loadConfig(production).publicUrl).toBe('https://provenance.example.org');
    expect(loadConfig({ PUBLIC_URL: 'https://news.example.org/provenance/' }).publicUrl).toBe('https://news.example.org/provenance');
    const { PUBLIC_URL: _, ...withoutUrl } = production;
    expect(() => loadConfig(withoutUrl)).toThrow(/PUBLIC_URL must be set in production/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://example.org' })).toThrow(/PUBLIC_URL must be an http/);
    expect(() => loadConfig({ PUBLIC_URL: 'https://example.org/?x=1' })).toThrow(/PUBLIC_URL must be an http/);
    expect(() => loadConfig({ PUBLIC_URL: 'not a url' })).toThrow(/PUBLIC_URL is not a valid URL/);
  });

  it('turns introspection off and secure cookies on in production unless asked', () => {
    expect(loadConfig(production)).toMatchObject({ graphql: { introspection: false }, auth: { secureCookies: true } });
    expect(loadConfig({ ...production, GRAPHQL_INTROSPECTION: 'true' }).graphql.introspection).toBe(true);
  });

  it('refuses to start production with the public development secret, or a short one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET must be set in production/);
    expect(() => loadConfig({ ...production, AUTH_SECRET: 'short' })).toThrow(/at least 32 characters/);
  });

  it('refuses a long secret that is still easy to guess, in any environment, and takes a random one', () => {
    const problemsWith = (AUTH_SECRET: string) => {
      try {
        loadConfig({ AUTH_SECRET });
        return [];
      } catch (error) {
        return (error as ConfigError).problems;
      }
    };
    expect(problemsWith('a'.repeat(40))).toEqual([
      'AUTH_SECRET is too easy to guess: it has only 1 different characters; use a random value, such as the output of `openssl rand -base64 48`',
    ]);
    expect(problemsWith('ab'.repeat(24))[0]).toMatch(/only 2 different characters/);
    for (const guessable of [
      'passwordpasswordpasswordpassword1234',
      'qwertyuiopasdfghjklzxcvbnm1234567890',
      'abcdefghijklmnopqrstuvwxyz0123456789',
    ]) {
      expect(problemsWith(guessable), guessable).toEqual([expect.stringMatching(/^AUTH_SECRET is too easy to guess.*openssl rand/)]);
    }
    expect(problemsWith('3f9c2a7be18d40c6b5e9d2f1a0c47e83')).toEqual([]);
    expect(problemsWith('Jq8vW2mZk4Tn7RbXe1PyLc5HdGs0AfUo')).toEqual([]);
  });

  it('refuses to start production without a checkpoint signing key, or with two', () => {
    expect(() => loadConfig({ ...production, CHECKPOINT_SIGNING_KEY_FILE: '' })).toThrow(
      /CHECKPOINT_SIGNING_KEY or CHECKPOINT_SIGNING_KEY_FILE must be set in production/,
    );
    expect(() => loadConfig({ ...production, CHECKPOINT_SIGNING_KEY: 'MC4CAQAwBQYDK2VwBCIEI' })).toThrow(/not both/);
    expect(loadConfig(production).checkpoints).toEqual({
      signingKey: null,
      signingKeyFile: '/run/secrets/checkpoint.pem',
      intervalSeconds: 600,
    });
    expect(loadConfig({ NODE_ENV: 'test' }).checkpoints.intervalSeconds).toBe(0);
  });

  it("takes the server's own login URL only beside the owner's", () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://owner:p@db/x', DATABASE_APP_URL: 'postgres://app:q@db/x' }).databaseAppUrl).toBe(
      'postgres://app:q@db/x',
    );
    expect(() => loadConfig({ DATABASE_APP_URL: 'postgres://app:q@db/x' })).toThrow(/DATABASE_APP_URL needs DATABASE_URL/);
  });

  it('takes zero or more replica URLs, each checked, and only beside the primary', () => {
    expect(loadConfig({}).replicas).toEqual({ urls: [], maxLagMs: 10_000, checkIntervalMs: 1000 });
    const primary = { DATABASE_URL: 'postgres://owner:p@db/x' };
    expect(loadConfig({ ...primary, DATABASE_REPLICA_URLS: ' postgres://app:q@r1/x, postgresql://app:q@r2/x ,' }).replicas.urls).toEqual([
      'postgres://app:q@r1/x',
      'postgresql://app:q@r2/x',
    ]);
    expect(() => loadConfig({ ...primary, DATABASE_REPLICA_URLS: 'postgres://app:q@r1/x,mysql://r2' })).toThrow(
      /DATABASE_REPLICA_URLS\[1\] must be a postgres/,
    );
    expect(() => loadConfig({ DATABASE_REPLICA_URLS: 'postgres://app:q@r1/x' })).toThrow(/DATABASE_REPLICA_URLS needs DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_REPLICA_MAX_LAG_MS: '0' })).toThrow(/DATABASE_REPLICA_MAX_LAG_MS must be an integer/);
  });

  it('keeps public answers by default, in 64 MiB, with a 5 s max-age, and takes them off or resized', () => {
    expect(loadConfig({}).publicCache).toEqual({ enabled: true, maxBytes: 64 * 2 ** 20, maxAgeSeconds: 5 });
    expect(loadConfig({ PUBLIC_CACHE: 'false', PUBLIC_CACHE_MB: '8', PUBLIC_CACHE_MAX_AGE_SECONDS: '0' }).publicCache).toEqual({
      enabled: false,
      maxBytes: 8 * 2 ** 20,
      maxAgeSeconds: 0,
    });
    expect(() => loadConfig({ PUBLIC_CACHE_MB: '0' })).toThrow(/PUBLIC_CACHE_MB must be an integer from 1/);
    expect(() => loadConfig({ PUBLIC_CACHE: 'sometimes' })).toThrow(/PUBLIC_CACHE must be true or false/);
  });

  it('keeps named prepared statements unless told a transaction-mode pooler is in the way, and takes a listener URL', () => {
    expect(loadConfig({}).db.preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).db.preparedStatements).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'off' })).toThrow(/DATABASE_PREPARED_STATEMENTS must be true or false/);
    expect(loadConfig({}).databaseListenUrl).toBeNull();
    expect(loadConfig({ DATABASE_LISTEN_URL: 'postgres://db:5432/x' }).databaseListenUrl).toBe('postgres://db:5432/x');
    expect(() => loadConfig({ DATABASE_LISTEN_URL: 'http://db/x' })).toThrow(/DATABASE_LISTEN_URL must be a postgres/);
  });

  it('names every bad value at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', NODE_ENV: 'staging', DATABASE_URL: 'mysql://x', DB_POOL_SIZE: '0' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).problems).toEqual([
      'NODE_ENV must be development, test or production (got "staging")',
      'DATABASE_URL must be a postgres:// or postgresql:// URL (got "mysql:")',
      'PORT must be an integer from 1 to 65535 (got "eighty")',
      'DB_POOL_SIZE must be an integer from 1 to 200 (got "0")',
    ]);
  });
});
