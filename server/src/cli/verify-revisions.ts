/**
 * `npm run revisions:verify`: checks the configured database's revision log (every record's hash chain, its
 * replay, its row against its last revision, rows with no revision) and names what is wrong. Exits 1 on any
 * problem, so it can run from cron or CI. `--max-problems N` names up to N (20 by default).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { HistoryService, MAX_PROBLEMS } from '../modules/history/history.service.js';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { 'max-problems': { type: 'string', default: '20' } } });
  const maxProblems = Number(values['max-problems']);
  if (!Number.isInteger(maxProblems) || maxProblems < 1 || maxProblems > MAX_PROBLEMS) throw new Error(`--max-problems must be from 1 to ${MAX_PROBLEMS}`);
  const opened = await openDatabase(loadConfig());
  try {
    const started = Date.now();
    const report = await new HistoryService(opened.database.dataSource).verifyChains({}, maxProblems);
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (report.problems.length > 0) {
      for (const { kind, recordType, recordId, version, problem } of report.problems) console.error(`${kind}: ${recordType} ${recordId}, version ${version}: ${problem}`);
      console.error(`${report.problems.length}${report.truncated ? '+' : ''} problems, after checking ${report.revisions} revisions of ${report.records} records in ${took}s`);
      process.exitCode = 1;
    } else {
      console.log(`Every chain verifies, replays to its record's state and matches its row; no row lacks revisions: ${report.revisions} revisions of ${report.records} records, in ${took}s.`);
    }
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
