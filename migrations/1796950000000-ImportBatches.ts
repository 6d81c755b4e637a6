import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Batch imports, run as jobs on the queue. An item is the unit of work and of idempotency: its status changes to
 * DONE in the transaction that records its source, so a job retried after a crash finds it done and does nothing.
 * The content's hash is indexed so an article already imported by a batch is pointed to, not imported again.
 */
export class ImportBatches1796950000000 implements MigrationInterface {
  name = 'ImportBatches1796950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "import_batches" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "created_by" varchar(200) NOT NULL,
        "created_by_user_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "total" int NOT NULL CHECK ("total" > 0),
        "options" jsonb NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_import_batches_created" ON "import_batches" ("created_at" DESC, "id" DESC)`);
    await queryRunner.query(`CREATE TABLE "import_batch_items" (
        "id" uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        "batch_id" uuid NOT NULL REFERENCES "import_batches" ("id") ON DELETE CASCADE,
        "position" int NOT NULL CHECK ("position" >= 0),
        "file_name" varchar(500) NOT NULL,
        "format" varchar(16) NOT NULL CHECK ("format" IN ('TEXT', 'HTML', 'MARKDOWN')),
        "content" text NOT NULL,
        "content_sha256" char(64) NOT NULL,
        "status" varchar(9) NOT NULL DEFAULT 'PENDING' CHECK ("status" IN ('PENDING', 'DONE', 'DUPLICATE', 'FAILED')),
        "attempts" int NOT NULL DEFAULT 0 CHECK ("attempts" >= 0),
        "source_id" uuid REFERENCES "sources" ("id"),
        "report" jsonb,
        "error" text,
        "finished_at" timestamptz,
        CONSTRAINT "UQ_import_batch_items_position" UNIQUE ("batch_id", "position"),
        CONSTRAINT "CHK_import_batch_items_settled" CHECK (("status" IN ('DONE', 'DUPLICATE')) = ("source_id" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_import_batch_items_imported" ON "import_batch_items" ("content_sha256") WHERE "status" = 'DONE'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_batch_items"`);
    await queryRunner.query(`DROP TABLE "import_batches"`);
  }
}
