/**
 * `npm run checkpoint:create`: signs and stores a checkpoint of the configured database's revision log now, and
 * prints it as JSON, for `revisions:verify -- --checkpoint FILE` to hold the log to later.
 */
import 'reflect-metadata';

import { loadConfig } from '../config.js';
import { checkpointText } from '../core/checkpoints/checkpoint.js';
import { loadSigningKey } from '../core/checkpoints/signing-key.js';
import { openDatabase } from '../db/open.js';
import { CheckpointsService } from '../modules/checkpoints/checkpoints.service.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const signingKey = loadSigningKey(config);
  const opened = await openDatabase(config);
  try {
    const started = Date.now();
    const checkpoint = await new CheckpointsService(opened.database.dataSource, signingKey).create();
    console.error(
      `Checkpoint at log position ${checkpoint.logPosition}: ${checkpoint.treeSize} chains, in ${((Date.now() - started) / 1000).toFixed(2)}s`,
    );
    console.log(
      JSON.stringify({ ...checkpoint, createdAt: checkpoint.createdAt.toISOString(), signedText: checkpointText(checkpoint) }, null, 2),
    );
  } finally {
    await opened.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
