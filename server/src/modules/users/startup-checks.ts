import type { DataSource } from 'typeorm';

import { type Config, DEVELOPMENT_AUTH_SECRET } from '../../config.js';
import { enabledDemoAccounts } from './demo-accounts.js';

/**
 * What stops a production start: a secret anyone can read in this repository, or an account whose password is
 * printed in it. The config check refuses the secret before the database opens; this repeats it with the rest.
 */
export async function productionStartProblems(config: Config, dataSource: DataSource): Promise<string[]> {
  if (config.env !== 'production') return [];
  const problems: string[] = [];
  if (config.auth.secret === DEVELOPMENT_AUTH_SECRET) problems.push('AUTH_SECRET is the public development default');
  const demo = await enabledDemoAccounts(dataSource);
  if (demo.length > 0) problems.push(`demo accounts can sign in: ${demo.join(', ')} (disable or delete them)`);
  return problems;
}
