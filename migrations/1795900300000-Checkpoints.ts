import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Signed checkpoints of the revision log, append-only like the log itself: the trigger refuses UPDATE, DELETE and
 * TRUNCATE even to the owner, and the server's role may only read and add. The signing key is never stored here.
 *
 * `settled_log_position()` is the highest revision id below which no insert is still in flight: identity values
 * are taken at insert and committed later, so a plain max(id) could leave out a revision that commits after it,
 * and a later recomputation of the tree "as of" that position would not match. A SHARE lock waits for the open
 * inserts and is let go when the statement ends; its timeout keeps a long import from stalling every writer
 * queued behind it. It runs as the owner, since locking in SHARE mode takes more than the server's grants.
 */
export class Checkpoints1795900300000 implements MigrationInterface {
  name = 'Checkpoints1795900300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "checkpoints" (
        "id" bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        "log_position" bigint NOT NULL CHECK ("log_position" >= 0),
        "tree_size" bigint NOT NULL CHECK ("tree_size" >= 0),
        "root_hash" char(64) NOT NULL CHECK ("root_hash" ~ '^[0-9a-f]{64}$'),
        "created_at" timestamptz NOT NULL,
        "key_id" char(64) NOT NULL CHECK ("key_id" ~ '^[0-9a-f]{64}$'),
        "signature" text NOT NULL
      )`);
    await queryRunner.query(`CREATE INDEX "IDX_checkpoints_position" ON "checkpoints" ("log_position", "id")`);
    await queryRunner.query(`CREATE TRIGGER "checkpoints_append_only" BEFORE UPDATE OR DELETE ON "checkpoints"
        FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`CREATE TRIGGER "checkpoints_no_truncate" BEFORE TRUNCATE ON "checkpoints"
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`REVOKE ALL ON "checkpoints" FROM provenance_app`);
    await queryRunner.query(`GRANT SELECT, INSERT ON "checkpoints" TO provenance_app`);
    await queryRunner.query(`CREATE FUNCTION settled_log_position() RETURNS bigint LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp SET lock_timeout = '5s' AS $$
      BEGIN
        LOCK TABLE public.revisions IN SHARE MODE;
        RETURN (SELECT coalesce(max(id), 0) FROM public.revisions);
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION settled_log_position() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION settled_log_position() TO provenance_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION settled_log_position()`);
    await queryRunner.query(`DROP TABLE "checkpoints"`);
  }
}
