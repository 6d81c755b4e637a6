import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The server logs in as provenance_app itself instead of as the owner taking the role on (`-c role=`), which
 * `RESET ROLE` undid. A login role with none of the powers that reach past its grants: not a superuser, no
 * CREATEROLE or CREATEDB, no replication or row-security bypass. Its password is set at boot (see app-login.ts).
 * The role is cluster-wide: it is altered only when it differs, so the databases of one cluster migrate side by
 * side without altering it at once.
 */
export class AppLogin1795900200000 implements MigrationInterface {
  name = 'AppLogin1795900200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DO $$ BEGIN
        IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'provenance_app'
                     AND (NOT rolcanlogin OR rolsuper OR rolcreaterole OR rolcreatedb OR rolreplication OR rolbypassrls)) THEN
          ALTER ROLE provenance_app WITH LOGIN NOSUPERUSER NOCREATEROLE NOCREATEDB NOREPLICATION NOBYPASSRLS;
        END IF;
      END $$`);
  }

  /** The role is every database's of the cluster: another may be logged in with it, so a revert leaves it be. */
  async down(): Promise<void> {}
}
