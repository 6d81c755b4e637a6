/**
 * `npm run db:backup -- [file]` writes a backup of the configured database (DATABASE_URL, or the embedded one in
 * .data/); `npm run db:restore -- <file>` loads one into a database that holds nothing yet (paths are from the
 * repository's root), e.g.
 * `DATA_DIR=.data-restored npm run db:restore -- backup.jsonl.gz`.
 */
import 'reflect-metadata';

import path from 'node:path';

import { loadConfig } from '../config.js';
import { backup, restore } from '../db/backup.js';
import { createDataSource } from '../db/data-source.js';
import { openDatabase } from '../db/open.js';
import { repoRoot } from '../paths.js';

async function main(): Promise<void> {
  const [command, file] = process.argv.slice(2);
  if ((command !== 'backup' && command !== 'restore') || (command === 'restore' && !file)) {
    throw new Error('Usage: npm run db:backup -- [file]  |  npm run db:restore -- <file>');
  }
  // Relative to the repository's root, wherever npm runs the script from.
  const target = path.resolve(repoRoot, file ?? `backup-${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl.gz`);
  const config = loadConfig();
  const opened = await openDatabase(config);
  // Restoring writes identity values and their sequences: the owner's work, as migrations are.
  const owner = createDataSource(opened.ownerUrl, config.db).dataSource;
  try {
    await owner.initialize();
    const started = Date.now();
    const counts = command === 'backup' ? await backup(opened.database.dataSource, target) : await restore(owner, target);
    const rows = Object.values(counts).reduce((sum, n) => sum + n, 0);
    console.log(
      `${command === 'backup' ? 'Wrote' : 'Restored'} ${rows} rows of ${Object.keys(counts).length} tables ${command === 'backup' ? 'to' : 'from'} ${target} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
  } finally {
    if (owner.isInitialized) await owner.destroy();
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
