import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sign-in attempts are counted before the password is checked, by one upsert of a counter per account and per
 * address: failure rows, counted and then added to, let a concurrent burst of guesses all read the same low count.
 * Counts of failures in flight at the switch are not carried over: at worst a guesser gets one fresh window.
 */
export class LoginAttempts1796521486787 implements MigrationInterface {
  name = 'LoginAttempts1796521486787';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_attempts" ("scope" character varying(7) NOT NULL, "key" character varying(320) NOT NULL, "window_start" TIMESTAMP WITH TIME ZONE NOT NULL, "attempts" integer NOT NULL, CONSTRAINT "CHK_login_attempts_scope" CHECK ("scope" IN ('account', 'address')), CONSTRAINT "PK_login_attempts" PRIMARY KEY ("scope", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_attempts_window_start" ON "login_attempts" ("window_start") `);
    await queryRunner.query(`DROP TABLE "login_failures"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "login_failures" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "email" character varying(320) NOT NULL, "address" character varying(64) NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_8211e8ec810fd7f976b98ce97a0" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_address" ON "login_failures"  ("address", "at") `);
    await queryRunner.query(`CREATE INDEX "IDX_login_failures_email" ON "login_failures"  ("email", "at") `);
    await queryRunner.query(`DROP INDEX "public"."IDX_login_attempts_window_start"`);
    await queryRunner.query(`DROP TABLE "login_attempts"`);
  }
}
