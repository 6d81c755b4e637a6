/**
 * `npm run import -- [options] <files...>` (paths from the repository's root): records each file (plain text, HTML, Markdown) as a new source in the
 * configured database and proposes drafts from it, as `importSource` does, showing progress as it goes.
 *
 *   --published 2022-09[-14]   publication date: YYYY, YYYY-MM or YYYY-MM-DD sets its precision too
 *   --language en  --kind NEWS_ARTICLE  --no-propose
 */
import 'reflect-metadata';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { loadConfig } from '../config.js';
import { DatePrecision } from '../core/dates/precision.js';
import { DomainError } from '../core/errors.js';
import { openDatabase } from '../db/open.js';
import { ensureRevisionPartitions } from '../db/revision-partitions.js';
import { formatOfFile } from '../modules/ingest/clean.js';
import { IngestService } from '../modules/ingest/ingest.service.js';
import { PublicationDateBasis, SourceKind } from '../modules/sources/sources.enums.js';
import { repoRoot } from '../paths.js';

interface Options {
  files: string[];
  published: { date: string; precision: DatePrecision } | null;
  language: string;
  kind: SourceKind;
  propose: boolean;
}

function parseArgs(args: string[]): Options {
  const options: Options = { files: [], published: null, language: 'en', kind: SourceKind.NEWS_ARTICLE, propose: true };
  for (let i = 0; i < args.length; i += 1) {
    const arg = args[i]!;
    const value = () => {
      const next = args[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--published') {
      const raw = value();
      const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(raw);
      if (!match) throw new Error('--published takes YYYY, YYYY-MM or YYYY-MM-DD');
      const [, year, month, day] = match;
      options.published = {
        date: `${year}-${month ?? '01'}-${day ?? '01'}`,
        precision: day ? DatePrecision.DAY : month ? DatePrecision.MONTH : DatePrecision.YEAR,
      };
    } else if (arg === '--language') options.language = value();
    else if (arg === '--kind') {
      const kind = value();
      if (!(kind in SourceKind)) throw new Error(`--kind is one of ${Object.keys(SourceKind).join(', ')}`);
      options.kind = kind as SourceKind;
    } else if (arg === '--no-propose') options.propose = false;
    else if (arg.startsWith('--')) throw new Error(`Unknown option ${arg}`);
    else options.files.push(arg);
  }
  if (options.files.length === 0)
    throw new Error('Usage: npm run import -- [--published YYYY-MM-DD] [--language en] [--kind NEWS_ARTICLE] [--no-propose] <files...>');
  return options;
}

function progress(done: number, total: number, label: string): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total} ${label.slice(0, 40).padEnd(40)}`);
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  // npm runs this from server/: paths are taken from the repository's root, as db:restore takes them.
  const files = options.files.map((file) => path.resolve(repoRoot, file));
  for (const file of files) if (!fs.existsSync(file)) throw new Error(`No such file: ${file}`);
  const opened = await openDatabase(loadConfig());
  const { dataSource } = opened.database;
  const ingest = new IngestService(dataSource);
  const context = { actor: `import:${os.userInfo().username}`, actorUserId: null, requestId: null };
  const totals = { sources: 0, claims: 0, events: 0, names: 0, duplicates: 0, repeats: 0, failed: 0 };
  const started = performance.now();
  try {
    for (const [i, file] of files.entries()) {
      progress(i, files.length, path.basename(file));
      try {
        // Nothing else keeps the log's partitions ahead while a long run of files imports with no server started.
        await ensureRevisionPartitions(dataSource);
        const report = await ingest.importSource(context, {
          format: formatOfFile(file),
          content: fs.readFileSync(file).toString('utf8'),
          fileName: path.basename(file),
          language: options.language,
          kind: options.kind,
          publishedAt: options.published?.date ?? null,
          publishedPrecision: options.published?.precision ?? null,
          publishedBasis: options.published ? PublicationDateBasis.STATED : null,
          propose: options.propose,
        });
        totals.sources += 1;
        totals.claims += report.claimsProposed;
        totals.events += report.eventsProposed;
        totals.names += report.newNames.length;
        totals.duplicates += report.duplicates.length > 0 ? 1 : 0;
        totals.repeats += report.repeatedParagraphs;
        if (files.length === 1 || report.duplicates.length > 0) {
          if (process.stderr.isTTY) process.stderr.write('\n');
          const flagged = report.duplicates.map((d) => `repeats “${d.source.title}” (${Math.round(d.similarity * 100)}%)`).join('; ');
          console.log(
            `${path.basename(file)} → source ${report.source.id}: ${report.claimsProposed} claims and ${report.eventsProposed} events proposed, ${report.newNames.length} new names${flagged ? `; ${flagged}` : ''}`,
          );
        }
      } catch (error) {
        totals.failed += 1;
        if (process.stderr.isTTY) process.stderr.write('\n');
        const why =
          error instanceof DomainError
            ? `${error.message}${error.details?.fields ? `: ${JSON.stringify(error.details.fields)}` : ''}`
            : String(error);
        console.error(`${path.basename(file)}: not imported (${why})`);
      }
    }
    progress(files.length, files.length, 'done');
    if (process.stderr.isTTY) process.stderr.write('\n');
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `Imported ${totals.sources} of ${files.length} files in ${seconds.toFixed(1)} s (${(seconds / Math.max(totals.sources, 1)).toFixed(2)} s each): ` +
        `${totals.claims} claims and ${totals.events} events proposed, ${totals.names} new names, ${totals.repeats} repeated paragraphs, ${totals.duplicates} sources that repeat one already stored.`,
    );
    if (totals.failed > 0) process.exitCode = 1;
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
