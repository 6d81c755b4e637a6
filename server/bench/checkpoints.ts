/**
 * `npm run bench:checkpoints -- [--scale F]`: bulk-loads the benchmark corpus (F of its full size, 1 by default:
 * about a million revisions) into a scratch database, then times a whole-log verification, a checkpoint, the
 * verification of checkpoints against the log, the first inclusion proof (which reads the tree) and a hundred more.
 */
import 'reflect-metadata';

import { parseArgs } from 'node:util';

import { loadSigningKey } from '../src/core/checkpoints/signing-key.js';
import { RecordType } from '../src/core/revisions/revisions.enums.js';
import { CheckpointsService } from '../src/modules/checkpoints/checkpoints.service.js';
import { EventsService } from '../src/modules/events/events.service.js';
import { EvidenceService } from '../src/modules/evidence/evidence.service.js';
import { HistoryService } from '../src/modules/history/history.service.js';
import { reopenAfterEvidenceChange } from '../src/modules/review/review.service.js';
import { bulkLoad, IMPORT_ACTOR, IMPORT_REASON } from './corpus/bulk-load.js';
import { FULL_CORPUS, generateCorpus } from './corpus/generate.js';
import { EVENT_TYPES } from './corpus/vocabulary.js';
import { startScratchDatabase } from './scratch.js';

const seconds = (started: number) => ((performance.now() - started) / 1000).toFixed(2);

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { scale: { type: 'string', default: '1' } } });
  const scale = Number(values.scale);
  if (!(scale > 0 && scale <= 1)) throw new Error('--scale must be above 0 and at most 1');
  const scaled = (n: number) => Math.max(1, Math.round(n * scale));
  const size = {
    sources: scaled(FULL_CORPUS.sources),
    claims: scaled(FULL_CORPUS.claims),
    events: scaled(FULL_CORPUS.events),
    entities: scaled(FULL_CORPUS.entities),
  };
  const scratch = await startScratchDatabase({ seed: false, env: { DB_STATEMENT_TIMEOUT_MS: '600000' } });
  try {
    const { dataSource } = scratch.database;
    const events = new EventsService(dataSource, new EvidenceService(dataSource, reopenAfterEvidenceChange));
    for (const type of EVENT_TYPES)
      await events.createType({ actor: IMPORT_ACTOR, actorUserId: null, requestId: null }, { ...type, reason: IMPORT_REASON });
    let started = performance.now();
    const counts = await bulkLoad(dataSource, generateCorpus(size));
    console.log(`Loaded ${counts.revisions} revisions (${counts.claims} claims, ${counts.evidence} evidence) in ${seconds(started)} s`);
    await scratch.database.dataSource.query('ANALYZE');

    started = performance.now();
    const audit = await new HistoryService(dataSource).verifyChains();
    console.log(
      `verifyChains: ${audit.revisions} revisions of ${audit.records} records, ${audit.problems.length} problems, in ${seconds(started)} s`,
    );

    const checkpoints = new CheckpointsService(dataSource, loadSigningKey(scratch.config));
    started = performance.now();
    const made = await checkpoints.create();
    console.log(`Checkpoint: ${made.treeSize} chains at position ${made.logPosition} in ${seconds(started)} s`);
    started = performance.now();
    const verified = await checkpoints.verify(checkpoints.publicKey, [made], 1);
    console.log(`Checkpoint verification (signatures, one tree recomputed): ${verified.problems.length} problems in ${seconds(started)} s`);
    const claims = (await dataSource.query(`SELECT id FROM claims ORDER BY md5(id::text) LIMIT 100`)) as Array<{ id: string }>;
    const heapBefore = process.memoryUsage().heapUsed;
    started = performance.now();
    const proof = await checkpoints.inclusionProof(made, RecordType.CLAIM, claims[0]!.id);
    console.log(
      `First inclusion proof (reads and keeps the tree): ${proof.path.length} hashes for leaf ${proof.leafIndex} in ${seconds(started)} s, heap +${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(1)} MB`,
    );
    started = performance.now();
    for (const { id } of claims.slice(1)) await checkpoints.inclusionProof(made, RecordType.CLAIM, id);
    const each = (performance.now() - started) / (claims.length - 1);
    console.log(`Inclusion proofs from the kept tree: ${claims.length - 1} claims, ${each.toFixed(2)} ms each`);
  } finally {
    await scratch.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
