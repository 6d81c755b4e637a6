import type { MigrationInterface, QueryRunner } from 'typeorm';

/** How worth checking a claim is, from 0 to 1: an editor's or an importer's estimate. */
export class ClaimCheckWorthiness1796529600000 implements MigrationInterface {
  name = 'ClaimCheckWorthiness1796529600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "check_worthiness" double precision`);
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "CHK_claims_check_worthiness" CHECK ("check_worthiness" IS NULL OR "check_worthiness" BETWEEN 0 AND 1)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "CHK_claims_check_worthiness"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "check_worthiness"`);
  }
}
