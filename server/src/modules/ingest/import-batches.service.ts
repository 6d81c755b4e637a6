import { createHash } from 'node:crypto';

import type { DataSource, EntityManager } from 'typeorm';

import { enqueueJob } from '../../core/jobs/enqueue.js';
import type { WriteContext } from '../../core/revisions/record-writer.js';
import { InputCheck } from '../../core/validation.js';
import { ensureRevisionPartitions } from '../../db/revision-partitions.js';
import { formatOfFile, type ImportFormat } from './clean.js';
import {
  type ImportBatch,
  type ImportBatchItem,
  type ImportBatchOptions,
  ImportItemStatus,
  type StartImportBatchInput,
} from './import-batches.types.js';
import { IngestService } from './ingest.service.js';
import type { ImportReport } from './ingest.types.js';

/** The job that imports one item of a batch; its payload is `{ itemId }`. */
export const IMPORT_ITEM_TASK = 'import-batch-item';

const MAX_FILES = 1000;
const MAX_CONTENT = 5_000_000;

const BATCH_COLUMNS = `b.id, b.created_by AS "createdBy", b.created_at AS "createdAt", b.total,
  count(*) FILTER (WHERE i.status IN ('DONE', 'DUPLICATE'))::int AS done,
  count(*) FILTER (WHERE i.status = 'FAILED')::int AS failed,
  count(*) FILTER (WHERE i.status = 'PENDING')::int AS pending,
  CASE WHEN bool_and(i.status <> 'PENDING') THEN max(i.finished_at) END AS "finishedAt"`;

interface ClaimedItem {
  status: ImportItemStatus;
  fileName: string;
  format: ImportFormat;
  content: string;
  sha256: string;
  options: ImportBatchOptions;
  createdBy: string;
  createdByUserId: string | null;
  batchId: string;
}

/** What an item keeps of its import's report: the source is the item's own column. */
function storedReport(report: ImportReport): Record<string, unknown> {
  return {
    duplicates: report.duplicates.map((d) => ({ sourceId: d.source.id, title: d.source.title, similarity: d.similarity })),
    repeatedParagraphs: report.repeatedParagraphs,
    claimsProposed: report.claimsProposed,
    eventsProposed: report.eventsProposed,
    claimsCorroborating: report.claimsCorroborating,
    eventsCorroborating: report.eventsCorroborating,
    folded: report.folded,
    newNames: report.newNames,
    originalSha256: report.originalSha256,
    steps: report.steps,
  };
}

/**
 * Batch imports: a batch is recorded with one item and one job per file in one transaction, and each job imports
 * its item through `importSource` in a transaction that also settles the item. A job run again (a retry, a worker
 * killed after the commit) finds its item settled and does nothing; an item whose content a batch already
 * imported points to that source instead of importing it twice.
 */
export class ImportBatchesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly maxAttempts: number,
    private readonly ingest = new IngestService(dataSource),
  ) {}

  async start(context: WriteContext, input: StartImportBatchInput): Promise<ImportBatch> {
    const check = new InputCheck();
    if (input.files.length === 0 || input.files.length > MAX_FILES) check.fail('files', `must hold from 1 to ${MAX_FILES} files`);
    const files = input.files.map((file, i) => {
      const fileName = check.text(`files.${i}.fileName`, file.fileName, { max: 500 });
      if (file.content.trim().length === 0) check.fail(`files.${i}.content`, 'must not be empty');
      if (file.content.length > MAX_CONTENT)
        check.fail(`files.${i}.content`, `must be at most ${MAX_CONTENT.toLocaleString('en')} characters`);
      return { fileName, content: file.content, format: file.format ?? formatOfFile(fileName) };
    });
    check.text('language', input.language, { max: 35 });
    const dated = [input.publishedAt, input.publishedPrecision, input.publishedBasis].filter((value) => value != null).length;
    if (dated !== 0 && dated !== 3) check.fail('publishedAt', 'give publishedAt, publishedPrecision and publishedBasis together, or none');
    check.done();
    const { files: _files, ...options } = input;
    const batchId = await this.dataSource.transaction(async (tx) => {
      const [{ id }] = (await tx.query(
        `INSERT INTO import_batches (created_by, created_by_user_id, total, options) VALUES ($1, $2, $3, $4) RETURNING id`,
        [context.actor, context.actorUserId, files.length, JSON.stringify(options)],
      )) as [{ id: string }];
      const items = (await tx.query(
        `INSERT INTO import_batch_items (batch_id, position, file_name, format, content, content_sha256)
         SELECT $1, position - 1, file_name, format, content, content_sha256
           FROM unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS f(file_name, format, content, content_sha256, position)
         RETURNING id`,
        [
          id,
          files.map((f) => f.fileName),
          files.map((f) => f.format),
          files.map((f) => f.content),
          files.map((f) => createHash('sha256').update(f.content).digest('hex')),
        ],
      )) as Array<{ id: string }>;
      for (const item of items) await this.enqueue(tx, item.id);
      return id;
    });
    return (await this.get(batchId))!;
  }

  private enqueue(manager: EntityManager, itemId: string): Promise<void> {
    return enqueueJob(manager, IMPORT_ITEM_TASK, { itemId }, { jobKey: `${IMPORT_ITEM_TASK}:${itemId}`, maxAttempts: this.maxAttempts });
  }

  /**
   * Queues again the pending items that have no job: a backup carries the batches but not the queue, so a restored
   * store would otherwise keep them pending for ever. An item whose job is running meanwhile is settled by then, and
   * its second job finds it so.
   */
  async requeueOrphans(): Promise<number> {
    return this.dataSource.transaction(async (tx) => {
      const orphans = (await tx.query(
        `SELECT i.id FROM import_batch_items i
          WHERE i.status = 'PENDING' AND NOT EXISTS (SELECT 1 FROM graphile_worker._private_jobs j WHERE j.key = $1 || i.id)`,
        [`${IMPORT_ITEM_TASK}:`],
      )) as Array<{ id: string }>;
      for (const { id } of orphans) await this.enqueue(tx, id);
      return orphans.length;
    });
  }

  async get(id: string): Promise<ImportBatch | null> {
    const [batch] = (await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM import_batches b JOIN import_batch_items i ON i.batch_id = b.id WHERE b.id = $1 GROUP BY b.id`,
      [id],
    )) as ImportBatch[];
    return batch ?? null;
  }

  async list(last: number): Promise<ImportBatch[]> {
    return (await this.dataSource.query(
      `SELECT ${BATCH_COLUMNS} FROM (SELECT * FROM import_batches ORDER BY created_at DESC, id DESC LIMIT $1) b
         JOIN import_batch_items i ON i.batch_id = b.id GROUP BY b.id, b.created_by, b.created_at, b.total ORDER BY b.created_at DESC, b.id DESC`,
      [last],
    )) as ImportBatch[];
  }

  async items(batchId: string): Promise<ImportBatchItem[]> {
    return (await this.dataSource.query(
      `SELECT i.id, i.position, i.file_name AS "fileName", i.status, i.attempts, i.source_id AS "sourceId", s.title AS "sourceTitle",
              (i.report->>'claimsProposed')::int AS "claimsProposed", (i.report->>'eventsProposed')::int AS "eventsProposed",
              i.report, i.error, i.finished_at AS "finishedAt"
         FROM import_batch_items i LEFT JOIN sources s ON s.id = i.source_id
        WHERE i.batch_id = $1 ORDER BY i.position`,
      [batchId],
    )) as ImportBatchItem[];
  }

  /**
   * The job of one item, on its `attempt`th try of `maxAttempts`. A failure is kept on the item and thrown for the
   * queue to retry; on the last try the item is reported FAILED and the job ends, so the other items go on.
   */
  async runItem(itemId: string, attempt: number, maxAttempts: number): Promise<ImportItemStatus | null> {
    try {
      // A worker may import batch after batch with no server beside it to keep the log's partitions ahead.
      await ensureRevisionPartitions(this.dataSource);
      return await this.dataSource.transaction((tx) => this.importItem(tx, itemId, attempt));
    } catch (error) {
      const last = attempt >= maxAttempts;
      await this.dataSource.query(
        `UPDATE import_batch_items SET attempts = $2, error = $3,
                status = CASE WHEN $4 THEN 'FAILED' ELSE status END, finished_at = CASE WHEN $4 THEN now() END
          WHERE id = $1 AND status = 'PENDING'`,
        [itemId, attempt, error instanceof Error ? error.message : String(error), last],
      );
      if (last) return ImportItemStatus.FAILED;
      throw error;
    }
  }

  private async importItem(tx: EntityManager, itemId: string, attempt: number): Promise<ImportItemStatus | null> {
    // The row lock makes a second run of the same item wait for the first's commit, then find it settled.
    const [item] = (await tx.query(
      `SELECT i.status, i.file_name AS "fileName", i.format, i.content, i.content_sha256 AS sha256, b.options,
              b.created_by AS "createdBy", b.created_by_user_id AS "createdByUserId", b.id AS "batchId"
         FROM import_batch_items i JOIN import_batches b ON b.id = i.batch_id WHERE i.id = $1 FOR UPDATE OF i`,
      [itemId],
    )) as ClaimedItem[];
    if (!item) return null;
    if (item.status !== ImportItemStatus.PENDING) return item.status;
    // Two items of one content, in two batches running at once: the second waits, then finds the first's source.
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext('provenance-store:import-content'), hashtext($1))`, [item.sha256]);
    const [earlier] = (await tx.query(
      `SELECT i.source_id AS "sourceId" FROM import_batch_items i JOIN sources s ON s.id = i.source_id AND s.deleted_at IS NULL
        WHERE i.content_sha256 = $1 AND i.status = 'DONE' ORDER BY i.finished_at LIMIT 1`,
      [item.sha256],
    )) as Array<{ sourceId: string }>;
    if (earlier) {
      await tx.query(
        `UPDATE import_batch_items SET status = 'DUPLICATE', source_id = $2, attempts = $3, error = NULL, finished_at = now() WHERE id = $1`,
        [itemId, earlier.sourceId, attempt],
      );
      return ImportItemStatus.DUPLICATE;
    }
    const context: WriteContext = { actor: item.createdBy, actorUserId: item.createdByUserId, requestId: `import-batch:${item.batchId}` };
    const report = await this.ingest.importSource(
      context,
      { ...item.options, format: item.format, content: item.content, fileName: item.fileName },
      tx,
    );
    await tx.query(
      `UPDATE import_batch_items SET status = 'DONE', source_id = $2, report = $3, attempts = $4, error = NULL, finished_at = now() WHERE id = $1`,
      [itemId, report.source.id, JSON.stringify(storedReport(report)), attempt],
    );
    return ImportItemStatus.DONE;
  }
}
