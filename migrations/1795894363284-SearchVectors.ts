import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Full text search reads a stored tsvector instead of deriving one from the text: the GIN indexes were on the
 * expression, so a match was found in the index but ranking (ts_rank_cd) parsed each matching text again, which
 * was most of a search's cost. TypeORM records a generated column's expression in typeorm_metadata to compare it.
 */
const VECTORS = [
  { table: 'claims', index: 'IDX_claims_search', old: 'IDX_claims_text_fts', expression: `to_tsvector('english', "text")` },
  {
    table: 'events',
    index: 'IDX_events_search',
    old: 'IDX_events_fts',
    expression: `to_tsvector('english', "title" || ' ' || coalesce("summary", ''))`,
  },
  {
    table: 'source_revisions',
    index: 'IDX_source_revisions_search',
    old: 'IDX_source_revisions_text_fts',
    expression: `to_tsvector('english', "text")`,
  },
];

export class SearchVectors1795894363284 implements MigrationInterface {
  name = 'SearchVectors1795894363284';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index, old, expression } of VECTORS) {
      await queryRunner.query(`DROP INDEX "${old}"`);
      await queryRunner.query(`ALTER TABLE "${table}" ADD "search_vector" tsvector GENERATED ALWAYS AS (${expression}) STORED NOT NULL`);
      await queryRunner.query(
        `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), $1, 'GENERATED_COLUMN', 'search_vector', $2)`,
        [table, expression],
      );
      await queryRunner.query(`CREATE INDEX "${index}" ON "${table}" USING gin ("search_vector")`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const { table, index, old, expression } of VECTORS) {
      await queryRunner.query(`DROP INDEX "${index}"`);
      await queryRunner.query(
        `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'search_vector' AND "table" = $1 AND "schema" = current_schema()`,
        [table],
      );
      await queryRunner.query(`ALTER TABLE "${table}" DROP COLUMN "search_vector"`);
      await queryRunner.query(`CREATE INDEX "${old}" ON "${table}" USING gin (${expression})`);
    }
  }
}
