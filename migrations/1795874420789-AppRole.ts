import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The role the server acts as. It may read and write records but only append to the revision log and the text
 * snapshots (invariant 2): the triggers refuse changes to them, and this role lacks the privilege in the first
 * place. Roles are cluster-wide, so this one is shared by every database of a cluster and not dropped on revert.
 */
export class AppRole1795874420789 implements MigrationInterface {
  name = 'AppRole1795874420789';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
        CREATE ROLE provenance_app NOLOGIN;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    await queryRunner.query(`GRANT provenance_app TO CURRENT_USER`);
    await queryRunner.query(`GRANT USAGE ON SCHEMA public TO provenance_app`);
    await queryRunner.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO provenance_app`);
    await queryRunner.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO provenance_app`);
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON revisions, source_revisions FROM provenance_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO provenance_app`);
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO provenance_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE USAGE, SELECT ON SEQUENCES FROM provenance_app`);
    await queryRunner.query(
      `ALTER DEFAULT PRIVILEGES IN SCHEMA public REVOKE SELECT, INSERT, UPDATE, DELETE ON TABLES FROM provenance_app`,
    );
    await queryRunner.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM provenance_app`);
    await queryRunner.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM provenance_app`);
    await queryRunner.query(`REVOKE USAGE ON SCHEMA public FROM provenance_app`);
  }
}
