import { type DataSource, In, IsNull } from 'typeorm';

import { Role } from '../../core/access/roles.js';
import { User } from './user.entity.js';
import { UsersService } from './users.service.js';

/** Accounts for trying the product on a laptop. Their passwords are public, so production refuses to start with any enabled. */
export const DEMO_ACCOUNTS = [
  { email: 'admin@demo.example', name: 'Ada Admin', roles: [Role.ADMIN], password: 'demo-admin-password' },
  { email: 'editor@demo.example', name: 'Edith Editor', roles: [Role.EDITOR], password: 'demo-editor-password' },
  { email: 'editor2@demo.example', name: 'Ed Second-Editor', roles: [Role.EDITOR], password: 'demo-editor2-password' },
  { email: 'reviewer@demo.example', name: 'Rita Reviewer', roles: [Role.REVIEWER], password: 'demo-reviewer-password' },
] as const;

export async function ensureDemoAccounts(dataSource: DataSource): Promise<number> {
  const users = new UsersService(dataSource);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByEmail(account.email)) continue;
    await users.create(
      { actor: 'system:demo-accounts', actorUserId: null, requestId: null },
      { ...account, roles: [...account.roles], reason: 'Demo account for development' },
    );
    created++;
  }
  return created;
}

/** The demo accounts that could still sign in. */
export async function enabledDemoAccounts(dataSource: DataSource): Promise<string[]> {
  const rows = await dataSource.manager.find(User, {
    select: { email: true },
    where: { email: In(DEMO_ACCOUNTS.map((account) => account.email)), disabled: false, deletedAt: IsNull() },
  });
  return rows.map((row) => row.email);
}
