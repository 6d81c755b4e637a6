import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A correction of a source that rewords the evidence of a verified claim or event keeps it published as last
 * verified: the record notes since when it awaits re-review, and each reworded evidence keeps the words (and the
 * snapshot) it was verified on, which client apps read until a reviewer judges the record again.
 */
export class ReReviewAfterCorrection1796900000000 implements MigrationInterface {
  name = 'ReReviewAfterCorrection1796900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" ADD "re_review_pending_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "events" ADD "re_review_pending_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "evidence" ADD "verified_quote" jsonb`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "evidence" DROP COLUMN "verified_quote"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "re_review_pending_since"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "re_review_pending_since"`);
  }
}
