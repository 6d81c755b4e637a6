import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed's order outlives a restore. A restored log keeps the transaction ids of the cluster that wrote it,
 * which a new cluster's own ids may be far below: its writes would sort before the restored ones, and the feed
 * would hold the restored ones back until its ids caught up. Every id the feed reads is shifted by an offset a
 * restore sets just past the log it loaded, so new writes follow it and clients' cursors from before stay valid.
 */
export class FeedAcrossRestores1796850000000 implements MigrationInterface {
  name = 'FeedAcrossRestores1796850000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION log_xact_offset() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT 0::bigint'`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION current_xact_id() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT pg_current_xact_id()::text::bigint + log_xact_offset()'`,
    );
    await queryRunner.query(
      `CREATE FUNCTION feed_horizon() RETURNS bigint LANGUAGE sql STABLE AS 'SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint + log_xact_offset()'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP FUNCTION feed_horizon()`);
    await queryRunner.query(
      `CREATE OR REPLACE FUNCTION current_xact_id() RETURNS bigint LANGUAGE sql VOLATILE AS 'SELECT pg_current_xact_id()::text::bigint'`,
    );
    await queryRunner.query(`DROP FUNCTION log_xact_offset()`);
  }
}
