import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Anonymous receipt requests are counted per address in the sign-in counters' table, under a scope of their own,
 * so the limit holds across every server behind a balancer as the sign-in limit does.
 */
export class ReceiptRequestLimit1796700000000 implements MigrationInterface {
  name = 'ReceiptRequestLimit1796700000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP CONSTRAINT "CHK_login_attempts_scope"`);
    await queryRunner.query(
      `ALTER TABLE "login_attempts" ADD CONSTRAINT "CHK_login_attempts_scope" CHECK ("scope" IN ('account', 'address', 'receipt'))`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "login_attempts" WHERE "scope" = 'receipt'`);
    await queryRunner.query(`ALTER TABLE "login_attempts" DROP CONSTRAINT "CHK_login_attempts_scope"`);
    await queryRunner.query(
      `ALTER TABLE "login_attempts" ADD CONSTRAINT "CHK_login_attempts_scope" CHECK ("scope" IN ('account', 'address'))`,
    );
  }
}
