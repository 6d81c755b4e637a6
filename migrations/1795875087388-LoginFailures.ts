import type { MigrationInterface, QueryRunner } from 'typeorm';

export class LoginFailures1795875087388 implements MigrationInterface {
  name = 'LoginFailures1795875087388';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" character varying(320) NOT NULL, "address" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_address" ON "login_failures"  ("address", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_email" ON "login_failures"  ("email", "at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failures_email"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_failures_address"`);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }
}
