/**
 * `npm run revisions:verify [-- --checkpoint FILE] [--public-key KEY] [--recent N] [--max-problems N]`: checks
 * the configured database's revision log (every record's hash chain, its replay, its row against its last
 * revision, rows with no revision), then its signed checkpoints: every stored one's signature, and that the log
 * still gives the tree of the latest N stored ones (3 by default) and of the checkpoint(s) in FILE (one
 * checkpoint, or a saved /exports/checkpoints). The public key is KEY (PEM or base64, inline or a file), or the
 * server's own. Names what is wrong and exits 1 on any problem, so it can run from cron or CI.
 */
import 'reflect-metadata';

import fs from 'node:fs';
import { parseArgs } from 'node:util';

import { loadConfig } from '../config.js';
import { loadSigningKey, readPublicKey } from '../core/checkpoints/signing-key.js';
import { openDatabase } from '../db/open.js';
import { CheckpointsService, RECENT_CHECKPOINTS, type StoredCheckpoint } from '../modules/checkpoints/checkpoints.service.js';
import { HistoryService, MAX_PROBLEMS } from '../modules/history/history.service.js';

function positiveInt(name: string, raw: string, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max) throw new Error(`--${name} must be from 0 to ${max}`);
  return value;
}

/** One checkpoint as the API or the export writes it, or an export's whole list. */
function readCheckpoints(file: string): StoredCheckpoint[] {
  const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
  const list = (Array.isArray(parsed.checkpoints) ? parsed.checkpoints : [parsed]) as Array<Record<string, unknown>>;
  return list.map((c, i) => {
    if (
      typeof c.rootHash !== 'string' ||
      typeof c.signature !== 'string' ||
      typeof c.keyId !== 'string' ||
      typeof c.createdAt !== 'string' ||
      c.logPosition === undefined ||
      typeof c.treeSize !== 'number'
    ) {
      throw new Error(`${file}: checkpoint ${i + 1} lacks logPosition, treeSize, rootHash, createdAt, keyId or signature`);
    }
    return {
      id: String(c.id ?? ''),
      logPosition: String(c.logPosition),
      treeSize: c.treeSize,
      rootHash: c.rootHash,
      createdAt: new Date(c.createdAt),
      keyId: c.keyId,
      signature: c.signature,
    };
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'max-problems': { type: 'string', default: '20' },
      checkpoint: { type: 'string' },
      'public-key': { type: 'string' },
      recent: { type: 'string', default: String(RECENT_CHECKPOINTS) },
    },
  });
  const maxProblems = Math.max(1, positiveInt('max-problems', values['max-problems'], MAX_PROBLEMS));
  const recent = positiveInt('recent', values.recent, 1000);
  const given = values.checkpoint ? readCheckpoints(values.checkpoint) : [];
  const config = loadConfig();
  const signingKey = loadSigningKey(config);
  const publicKey = values['public-key'] ? readPublicKey(values['public-key']) : signingKey.publicKey;
  const opened = await openDatabase(config);
  let failed = false;
  try {
    let started = Date.now();
    const report = await new HistoryService(opened.database.dataSource).verifyChains({}, maxProblems);
    let took = ((Date.now() - started) / 1000).toFixed(1);
    if (report.problems.length > 0) {
      for (const { kind, recordType, recordId, version, problem } of report.problems)
        console.error(`${kind}: ${recordType} ${recordId}, version ${version}: ${problem}`);
      console.error(
        `${report.problems.length}${report.truncated ? '+' : ''} problems, after checking ${report.revisions} revisions of ${report.records} records in ${took}s`,
      );
      failed = true;
    } else {
      console.log(
        `Every chain verifies, replays to its record's state and matches its row; no row lacks revisions: ${report.revisions} revisions of ${report.records} records, in ${took}s.`,
      );
    }
    started = Date.now();
    const checkpoints = await new CheckpointsService(opened.database.dataSource, signingKey).verify(publicKey, given, recent);
    took = ((Date.now() - started) / 1000).toFixed(1);
    if (checkpoints.problems.length > 0) {
      for (const { logPosition, problem } of checkpoints.problems) console.error(`CHECKPOINT at position ${logPosition}: ${problem}`);
      failed = true;
    } else {
      console.log(
        `Checkpoints verify: ${checkpoints.checked} stored signatures, and the log still gives the tree of ${checkpoints.recomputed} of them${given.length ? ' (the given ones included)' : ''}, each extending the one before; in ${took}s.`,
      );
    }
  } finally {
    await opened.close();
  }
  if (failed) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
