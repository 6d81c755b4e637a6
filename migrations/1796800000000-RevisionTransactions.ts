import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The change feed reads the log in the order its writes became visible: a revision's id is taken when it is
 * inserted, not when its transaction commits, so a later id can be readable before an earlier one. Each revision
 * keeps the id of the transaction that wrote it, and the feed answers only what every transaction still running
 * came after. A notification at commit wakes every server's live subscriptions.
 */
export class RevisionTransactions1796800000000 implements MigrationInterface {
  name = 'RevisionTransactions1796800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // xid8 has no TypeORM type; as a bigint it compares with pg_snapshot_xmin's the same way.
    await queryRunner.query(
      `CREATE FUNCTION current_xact_id() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT pg_current_xact_id()::text::bigint'`,
    );
    await queryRunner.query(`ALTER TABLE "revisions" ADD "xact_id" bigint NOT NULL DEFAULT current_xact_id()`);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_feed" ON "revisions" ("xact_id", "id") `);
    await queryRunner.query(`CREATE FUNCTION notify_revisions() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify('revisions', ''); RETURN NULL; END $$`);
    await queryRunner.query(
      `CREATE TRIGGER "revisions_notify" AFTER INSERT ON "revisions" FOR EACH STATEMENT EXECUTE FUNCTION notify_revisions()`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "revisions_notify" ON "revisions"`);
    await queryRunner.query(`DROP FUNCTION notify_revisions()`);
    await queryRunner.query(`DROP INDEX "IDX_revisions_feed"`);
    await queryRunner.query(`ALTER TABLE "revisions" DROP COLUMN "xact_id"`);
    await queryRunner.query(`DROP FUNCTION current_xact_id()`);
  }
}
