import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Each check of the whole revision log and its checkpoints that someone started ("Verify now"), with its progress
 * while it runs and its result after: when, by whom, how many records and revisions, the first problem. A check
 * outlives the request that started it, so its state is a row any server can read, not a server's memory.
 */
export class LogVerifications1796600000000 implements MigrationInterface {
  name = 'LogVerifications1796600000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "log_verifications" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "started_by" varchar(200) NOT NULL,
        "started_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "finished_at" timestamptz,
        "status" varchar(8) NOT NULL DEFAULT 'RUNNING' CHECK ("status" IN ('RUNNING', 'PASSED', 'FAILED', 'ERROR')),
        "total_revisions" bigint NOT NULL CHECK ("total_revisions" >= 0),
        "records" bigint NOT NULL DEFAULT 0,
        "revisions" bigint NOT NULL DEFAULT 0,
        "problems" int NOT NULL DEFAULT 0,
        "first_break" jsonb,
        "checkpoints_checked" int,
        "checkpoints_recomputed" int,
        "checkpoint_problems" jsonb,
        "error" text
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_log_verifications_started" ON "log_verifications" ("started_at" DESC, "id" DESC)`);
    // The record of a check is evidence of its own: the server may add and advance one, never remove it.
    await queryRunner.query(`REVOKE DELETE, TRUNCATE ON "log_verifications" FROM provenance_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "log_verifications"`);
  }
}
