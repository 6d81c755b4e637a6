import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Proposals1795885260300 implements MigrationInterface {
  name = 'Proposals1795885260300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "events" ADD "proposal" character varying(12)`);
    await queryRunner.query(`ALTER TABLE "claims" ADD "proposal" character varying(12)`);
    await queryRunner.query(`CREATE INDEX "IDX_events_proposals_pending" ON "events"  ("created_at", "id") WHERE "proposal" = 'PENDING'`);
    await queryRunner.query(`CREATE INDEX "IDX_claims_proposals_pending" ON "claims"  ("created_at", "id") WHERE "proposal" = 'PENDING'`);
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "CHK_events_proposal" CHECK ("proposal" IS NULL OR "proposal" IN ('PENDING', 'ACCEPTED'))`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "CHK_claims_proposal" CHECK ("proposal" IS NULL OR "proposal" IN ('PENDING', 'ACCEPTED'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "CHK_claims_proposal"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "CHK_events_proposal"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_proposals_pending"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_events_proposals_pending"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "proposal"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "proposal"`);
  }
}
