/**
 * `npm run revisions:verify`: checks every record's hash chain in the configured database and names the first
 * broken link. Exits 1 when one is broken, so it can run from cron or CI.
 */
import 'reflect-metadata';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/open.js';
import { HistoryService } from '../modules/history/history.service.js';

async function main(): Promise<void> {
  const opened = await openDatabase(loadConfig());
  try {
    const started = Date.now();
    const report = await new HistoryService(opened.database.dataSource).verifyChains();
    const took = ((Date.now() - started) / 1000).toFixed(1);
    if (report.firstBreak) {
      const { recordType, recordId, version, problem } = report.firstBreak;
      console.error(`Broken: ${recordType} ${recordId}, version ${version}: ${problem} (after checking ${report.revisions} revisions in ${took}s)`);
      process.exitCode = 1;
    } else {
      console.log(`Every chain verifies: ${report.revisions} revisions of ${report.records} records, in ${took}s.`);
    }
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
