import { createHmac } from 'node:crypto';

import pg from 'pg';

import type { Config } from '../config.js';
import { APP_ROLE } from './data-source.js';

/**
 * APP_ROLE's password, derived from AUTH_SECRET: every server sharing the database and the secret logs in with
 * the same one, so none keeps a credential of its own, and none relies on a default the repository publishes.
 */
export function appRolePassword(authSecret: string): string {
  return createHmac('sha256', authSecret).update(`${APP_ROLE} database login`).digest('base64url');
}

/** The URL the server's pool logs in with: DATABASE_APP_URL, or APP_ROLE on the owner's host and database. */
export function appLoginUrl(ownerUrl: string, config: Pick<Config, 'databaseAppUrl' | 'auth'>): string {
  if (config.databaseAppUrl) return config.databaseAppUrl;
  const url = new URL(ownerUrl);
  url.username = APP_ROLE;
  url.password = appRolePassword(config.auth.secret);
  return url.toString();
}

const INVALID_PASSWORD = '28P01';

/**
 * Makes APP_ROLE accept the derived password, as the owner, once the migrations have made it a login role.
 * It is set only when a login with it fails, so servers booting together over a set-up database never alter
 * the role at once (PostgreSQL refuses concurrent updates of one role), and a new AUTH_SECRET takes over at the
 * next boot. With DATABASE_APP_URL the role and its password are the operator's.
 */
export async function prepareAppLogin(ownerUrl: string, config: Pick<Config, 'databaseAppUrl' | 'auth'>): Promise<string> {
  const appUrl = appLoginUrl(ownerUrl, config);
  if (config.databaseAppUrl || (await canLogIn(appUrl))) return appUrl;
  const owner = new pg.Client({ connectionString: ownerUrl });
  await owner.connect();
  try {
    await owner.query(`ALTER ROLE ${APP_ROLE} WITH LOGIN PASSWORD ${owner.escapeLiteral(appRolePassword(config.auth.secret))}`);
  } finally {
    await owner.end();
  }
  return appUrl;
}

async function canLogIn(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === INVALID_PASSWORD) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * What the server's own login must not be able to do, whichever way it was given: be a superuser, make roles or
 * databases, or act as the schema's owner (a member of it could SET ROLE to it and rewrite the log).
 */
export async function appLoginProblems(app: { query(sql: string): Promise<unknown> }): Promise<string[]> {
  const [row] = (await app.query(
    `SELECT r.rolname AS name, r.rolsuper AS super, r.rolcreaterole AS "createRole", r.rolcreatedb AS "createDb", r.rolbypassrls AS "bypassRls",
            pg_has_role(session_user, (SELECT relowner FROM pg_class WHERE oid = 'revisions'::regclass), 'MEMBER') AS "actsAsOwner"
       FROM pg_roles r WHERE r.rolname = session_user`,
  )) as Array<{ name: string; super: boolean; createRole: boolean; createDb: boolean; bypassRls: boolean; actsAsOwner: boolean }>;
  const problems: string[] = [];
  if (row!.super) problems.push(`the server's database login ${row!.name} is a superuser`);
  if (row!.createRole || row!.createDb) problems.push(`the server's database login ${row!.name} may create roles or databases`);
  if (row!.bypassRls) problems.push(`the server's database login ${row!.name} bypasses row security`);
  if (row!.actsAsOwner) problems.push(`the server's database login ${row!.name} can act as the owner of the revision log`);
  return problems;
}
