/**
 * `npm run import:batch -- [--language en] [--kind NEWS_ARTICLE] [--no-propose] [--no-wait] DIR` (from the repository's root):
 * every .txt, .html and .md file in DIR becomes an item of one batch import, each imported by a job on the queue
 * as `startImportBatch` does. It then works the queue itself beside any server or worker, showing the batch's
 * progress until every item is settled (unless --no-wait), and prints the articles a minute.
 */
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { startJobRunner } from '../jobs/runner.js';
import { ImportBatchesService } from '../modules/ingest/import-batches.service.js';
import { SourceKind } from '../modules/sources/sources.enums.js';
import { repoRoot } from '../paths.js';

const IMPORTABLE = /\.(txt|text|html?|md|markdown)$/i;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      language: { type: 'string', default: 'en' },
      kind: { type: 'string', default: SourceKind.NEWS_ARTICLE },
      'no-propose': { type: 'boolean', default: false },
      'no-wait': { type: 'boolean', default: false },
    },
  });
  if (positionals.length !== 1)
    throw new Error('Usage: npm run import:batch -- [--language en] [--kind NEWS_ARTICLE] [--no-propose] [--no-wait] DIR');
  if (!(values.kind in SourceKind)) throw new Error(`--kind is one of ${Object.keys(SourceKind).join(', ')}`);
  // npm runs this from server/: the folder is taken from the repository's root, as `npm run import` takes files.
  const dir = path.resolve(repoRoot, positionals[0]!);
  const names = fs
    .readdirSync(dir)
    .filter((name) => IMPORTABLE.test(name))
    .sort();
  if (names.length === 0) throw new Error(`No .txt, .html or .md file in ${dir}`);

  const config = loadConfig();
  const opened = await openDatabase(config);
  const { dataSource } = opened.database;
  const batches = new ImportBatchesService(dataSource, config.jobs.maxAttempts);
  try {
    const batch = await batches.start(
      { actor: `import:${os.userInfo().username}`, actorUserId: null, requestId: null },
      {
        files: names.map((name) => ({ fileName: name, content: fs.readFileSync(path.join(dir, name), 'utf8') })),
        language: values.language,
        kind: values.kind as SourceKind,
        propose: !values['no-propose'],
      },
    );
    console.log(`Batch ${batch.id}: ${batch.total} files queued`);
    if (values['no-wait']) return;
    const started = performance.now();
    const runner = await startJobRunner(dataSource, opened.appUrl, config, (message, error) => console.error(message, error ?? ''));
    try {
      for (;;) {
        const now = (await batches.get(batch.id))!;
        if (process.stderr.isTTY)
          process.stderr.write(`\r${now.done} done, ${now.failed} failed, ${now.pending} pending of ${now.total}   `);
        if (now.pending === 0) break;
        await sleep(500);
      }
    } finally {
      await runner.stop();
    }
    if (process.stderr.isTTY) process.stderr.write('\n');
    const minutes = (performance.now() - started) / 60_000;
    const items = await batches.items(batch.id);
    for (const item of items.filter((i) => i.status === 'FAILED')) console.error(`${item.fileName}: not imported (${item.error})`);
    const count = (status: string) => items.filter((i) => i.status === status).length;
    console.log(
      `${count('DONE')} imported, ${count('DUPLICATE')} already imported, ${count('FAILED')} failed, in ${(minutes * 60).toFixed(1)} s: ${(items.length / minutes).toFixed(1)} articles a minute`,
    );
    if (count('FAILED') > 0) process.exitCode = 1;
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
