/**
 * `npm run user:create -- --email ana@example.org --name "Ana" --role ADMIN [--role EDITOR] [--password ...]`
 * Makes an account in the configured database (DATABASE_URL, or the embedded one in .data/, shared with a
 * running `npm start`). Without --password, a strong one is generated and printed once.
 */
import 'reflect-metadata';

import os from 'node:os';
import { parseArgs } from 'node:util';

import { loadConfig } from '../config.js';
import { Role } from '../core/access/roles.js';
import { DomainError } from '../core/errors.js';
import { openDatabase } from '../db/open.js';
import { generatePassword } from '../modules/users/password-policy.js';
import { UsersService } from '../modules/users/users.service.js';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', multiple: true },
      password: { type: 'string' },
    },
  });
  const roles = (values.role ?? []).flatMap((role) => role.split(',')).map((role) => role.trim().toUpperCase());
  if (!values.email || roles.length === 0) {
    throw new Error(
      `Usage: npm run user:create -- --email <address> --role <${Object.values(Role).join('|')}> [--name <name>] [--password <password>]`,
    );
  }
  const password = values.password ?? generatePassword();
  const opened = await openDatabase(loadConfig());
  try {
    await new UsersService(opened.database.dataSource).create(
      { actor: `cli:user-create@${os.userInfo().username}`, actorUserId: null, requestId: null },
      {
        email: values.email,
        name: values.name ?? values.email.split('@')[0]!,
        roles: roles as Role[],
        password,
        reason: 'Created with npm run user:create',
      },
    );
    console.log(`Created ${values.email} (${roles.join(', ')}).`);
    if (!values.password) console.log(`Password, shown once: ${password}`);
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof DomainError ? `Refused: ${error.message}` : error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
