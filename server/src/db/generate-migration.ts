/**
 * `npm run migration:generate -w server -- <Name>`: applies the committed migrations to a scratch embedded
 * PostgreSQL, asks TypeORM what the entities still need, and writes that as a new migration for review.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../config.js';
import { repoRoot } from '../paths.js';
import { createDataSource } from './data-source.js';
import { EmbeddedPostgres } from './embedded-postgres.js';
import { schemaDrift } from './migration-drift.js';

async function main(): Promise<void> {
  const name = process.argv[2];
  if (!name || !/^[A-Z][A-Za-z0-9]*$/.test(name)) throw new Error('Usage: migration:generate <PascalCaseName>');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migration-'));
  const pg = new EmbeddedPostgres({ dir });
  const url = await pg.start();
  const { dataSource } = createDataSource(url, loadConfig().db);
  try {
    await dataSource.initialize();
    await dataSource.runMigrations();
    const drift = await schemaDrift(dataSource);
    if (drift.up.length === 0) {
      console.log('Entities and migrations agree; nothing to generate.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = path.join(repoRoot, 'migrations', `${timestamp}-${name}.ts`);
    const literal = (sql: string) => '`' + sql.replace(/[`\\]/g, '\\$&').replace(/\$\{/g, '\\${') + '`';
    const lines = (queries: string[]) => queries.map((q) => `    await queryRunner.query(${literal(q)});`).join('\n');
    fs.writeFileSync(
      file,
      `import type { MigrationInterface, QueryRunner } from 'typeorm';\n\n` +
        `export class ${className} implements MigrationInterface {\n` +
        `  name = '${className}';\n\n` +
        `  async up(queryRunner: QueryRunner): Promise<void> {\n${lines(drift.up)}\n  }\n\n` +
        `  async down(queryRunner: QueryRunner): Promise<void> {\n${lines(drift.down)}\n  }\n}\n`,
    );
    console.log(`Wrote ${path.relative(repoRoot, file)}: review it, then add ${className} to migrations/index.ts.`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await pg.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
