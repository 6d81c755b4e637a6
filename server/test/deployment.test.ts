import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

import { loadConfig } from '../src/config.js';
import { appRolePassword } from '../src/db/app-login.js';
import { repoRoot } from '../src/paths.js';

const read = (file: string) => fs.readFileSync(path.join(repoRoot, file), 'utf8');
const compose = YAML.parse(read('docker-compose.yml')) as {
  services: Record<string, { profiles?: string[]; environment?: Record<string, string | number>; deploy?: { replicas?: number } }>;
};
const SECRET = 'deployment-test-4mK9qZ2vXw7LpR3tN8yB6cH1jD5fG0sA';

/** The `password=$(…)` line of a deployment script, run by sh as the script would run it. */
function derivedBy(script: string): string {
  const line = read(script)
    .split('\n')
    .find((text) => text.startsWith('password=$('));
  if (!line) throw new Error(`${script} derives no password`);
  return execFileSync('sh', ['-c', `${line}\nprintf '%s' "$password"`], {
    env: { PATH: process.env.PATH, AUTH_SECRET: SECRET },
  }).toString();
}

/** Compose's interpolation of `${NAME:-default}` and `${NAME:?message}`, with `given` for the required ones. */
function interpolate(value: string | number, given: Record<string, string>): string {
  return String(value).replace(/\$\{(\w+):([-?])([^}]*)\}/g, (_all, name: string, kind: string, fallback: string) => {
    if (kind === '-') return given[name] ?? fallback;
    if (given[name] === undefined) throw new Error(`${name} is required`);
    return given[name];
  });
}

describe('the scaled compose profile', () => {
  it('logs the pooler and the servers in with the password the server derives from AUTH_SECRET', () => {
    expect(derivedBy('deploy/pgbouncer/entrypoint.sh')).toBe(appRolePassword(SECRET));
    expect(derivedBy('deploy/server/pooled-login.sh')).toBe(appRolePassword(SECRET));
  });

  it('leaves the default services without a profile, and puts every other service in it', () => {
    const unprofiled = Object.entries(compose.services).filter(([, service]) => !service.profiles);
    expect(unprofiled.map(([name]) => name)).toEqual(['db', 'server']);
    for (const [name, service] of Object.entries(compose.services)) {
      if (service.profiles) expect({ name, profiles: service.profiles }).toEqual({ name, profiles: ['scaled'] });
    }
  });

  it('runs three servers whose settings the server accepts: pool through the transaction pooler, listener and jobs elsewhere', () => {
    const app = compose.services.app!;
    expect(app.deploy?.replicas).toBe(3);
    const given = { POSTGRES_PASSWORD: 'pw', AUTH_SECRET: SECRET, CHECKPOINT_SIGNING_KEY: 'unused-here' };
    const env = Object.fromEntries(Object.entries(app.environment!).map(([name, value]) => [name, interpolate(value, given)]));
    const login = execFileSync(
      'sh',
      [path.join(repoRoot, 'deploy/server/pooled-login.sh'), 'sh', '-c', 'printf "%s\\n%s" "$DATABASE_APP_URL" "$DATABASE_REPLICA_URLS"'],
      {
        env: { PATH: process.env.PATH, ...env },
      },
    )
      .toString()
      .split('\n');
    const config = loadConfig({ ...env, DATABASE_APP_URL: login[0], DATABASE_REPLICA_URLS: login[1] });
    expect(config.databaseAppUrl).toBe(`postgres://provenance_app:${appRolePassword(SECRET)}@pgbouncer:6432/provenance`);
    expect(config.replicas.urls).toEqual([`postgres://provenance_app:${appRolePassword(SECRET)}@replica:5432/provenance`]);
    expect(config.db.preparedStatements).toBe(false);
    expect(config.jobs.runInServer).toBe(false);
    expect(new URL(config.databaseListenUrl!).host).toBe('primary:5432');

    const ini = read('deploy/pgbouncer/pgbouncer.ini');
    expect(ini).toMatch(/^pool_mode = transaction$/m);
    expect(ini).toMatch(/^ignore_startup_parameters = statement_timeout$/m);
    expect(read('deploy/nginx/nginx.conf')).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
  });
});
