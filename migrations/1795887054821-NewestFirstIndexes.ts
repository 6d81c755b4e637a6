import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Lists of claims and events are newest first by (created_at, id). The status-led indexes serve one status at a
 * time; a client's list spans two (VERIFIED and RETRACTED), so without these PostgreSQL sorted every visible row
 * for each page, and a deep page's cursor could not seek.
 */
export class NewestFirstIndexes1795887054821 implements MigrationInterface {
  name = 'NewestFirstIndexes1795887054821';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_claims_created" ON "claims" ("created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_events_created" ON "events" ("created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_events_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_created"`);
  }
}
