import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What search needs besides the claim and source-text indexes: full text over events, trigrams over source
 * titles, and typography folded out of names, so "Myanmar's armed forces" finds the alias "Myanmar’s armed forces".
 */
export class SearchIndexes1795875887836 implements MigrationInterface {
  name = 'SearchIndexes1795875887836';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE FUNCTION search_fold(value text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT translate(lower(value), '’‘‛“”„', '''''''"""') $$`);
    // Qualified: PostgreSQL 17 and later build indexes with search_path = pg_catalog, where a bare name is not found.
    await queryRunner.query(`CREATE OR REPLACE FUNCTION entity_search_names(name text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT public.search_fold(name || ' ' || array_to_string(aliases, ' ')) $$`);
    await queryRunner.query(`REINDEX INDEX "IDX_entities_names_trgm"`);
    await queryRunner.query(
      `CREATE INDEX "IDX_events_fts" ON "events" USING gin (to_tsvector('english', "title" || ' ' || coalesce("summary", '')))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_sources_title_trgm" ON "sources" USING gin (search_fold("title") gin_trgm_ops)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "IDX_sources_title_trgm"`);
    await queryRunner.query(`DROP INDEX "IDX_events_fts"`);
    await queryRunner.query(`CREATE OR REPLACE FUNCTION entity_search_names(name text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(name || ' ' || array_to_string(aliases, ' ')) $$`);
    await queryRunner.query(`REINDEX INDEX "IDX_entities_names_trgm"`);
    await queryRunner.query(`DROP FUNCTION search_fold(text)`);
  }
}
