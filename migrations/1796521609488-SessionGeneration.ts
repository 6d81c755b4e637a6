import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A user's session generation: tokens name the one they were issued in, so sign-out and a new password end them. */
export class SessionGeneration1796521609488 implements MigrationInterface {
  name = 'SessionGeneration1796521609488';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "session_generation" integer NOT NULL DEFAULT '0'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "session_generation"`);
  }
}
