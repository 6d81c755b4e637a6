import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Init1795872650600 implements MigrationInterface {
  name = 'Init1795872650600';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "users" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "email" character varying(320) NOT NULL, "name" character varying(200) NOT NULL, "roles" text array NOT NULL DEFAULT '{}', "password_hash" text, "disabled" boolean NOT NULL DEFAULT false, CONSTRAINT "CHK_users_email" CHECK ("email" LIKE '%_@_%'), CONSTRAINT "CHK_users_roles" CHECK ("roles" <@ ARRAY['ADMIN', 'EDITOR', 'REVIEWER', 'CLIENT']::text[]), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "revisions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "record_type" character varying(20) NOT NULL, "record_id" uuid NOT NULL, "version" integer NOT NULL, "operation" character varying(12) NOT NULL, "changes" jsonb NOT NULL, "state" jsonb NOT NULL, "reason" text, "actor" character varying(200) NOT NULL, "actor_user_id" uuid, "request_id" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64), "hash" character(64) NOT NULL, CONSTRAINT "UQ_revisions_record_version" UNIQUE ("record_type", "record_id", "version"), CONSTRAINT "CHK_revisions_hash" CHECK ("hash" ~ '^[0-9a-f]{64}$'), CONSTRAINT "CHK_revisions_chain_start" CHECK (("version" = 1) = ("prev_hash" IS NULL)), CONSTRAINT "CHK_revisions_version" CHECK ("version" >= 1), CONSTRAINT "CHK_revisions_operation" CHECK ("operation" IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'REVIEW', 'MERGE', 'REANCHOR')), CONSTRAINT "CHK_revisions_record_type" CHECK ("record_type" IN ('Source', 'Entity', 'EventType', 'Event', 'Claim', 'Evidence', 'Annotation', 'User', 'ApiKey')), CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_revisions_created" ON "revisions"  ("created_at") `);
    await queryRunner.query(
      `CREATE TABLE "sources" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "title" character varying(500) NOT NULL, "url" character varying(2048), "publisher" character varying(300), "author" character varying(300), "published_at" date, "published_precision" character varying(8), "published_basis" character varying(32), "published_note" text, "language" character varying(35) NOT NULL, "kind" character varying(32) NOT NULL, "reliability" character(1), "reliability_note" text, CONSTRAINT "CHK_sources_title" CHECK (length(btrim("title")) > 0), CONSTRAINT "CHK_sources_published_basis" CHECK (("published_at" IS NULL) = ("published_basis" IS NULL) AND ("published_basis" IS NULL OR "published_basis" IN ('STATED', 'INFERRED_FROM_CONTENT'))), CONSTRAINT "CHK_sources_published_at" CHECK (("published_at" IS NULL AND "published_precision" IS NULL) OR ("published_at" IS NOT NULL AND ("published_precision" = 'DAY' OR ("published_precision" = 'WEEK' AND EXTRACT(ISODOW FROM "published_at") = 1) OR ("published_precision" = 'MONTH' AND EXTRACT(DAY FROM "published_at") = 1) OR ("published_precision" = 'YEAR' AND EXTRACT(DAY FROM "published_at") = 1 AND EXTRACT(MONTH FROM "published_at") = 1)))), CONSTRAINT "CHK_sources_published_precision" CHECK ("published_precision" IS NULL OR "published_precision" IN ('DAY', 'MONTH', 'YEAR')), CONSTRAINT "CHK_sources_reliability" CHECK ("reliability" IS NULL OR "reliability" IN ('A', 'B', 'C', 'D', 'E', 'F')), CONSTRAINT "CHK_sources_kind" CHECK ("kind" IN ('NEWS_ARTICLE', 'OFFICIAL_STATEMENT', 'TRANSCRIPT', 'REPORT', 'OTHER')), CONSTRAINT "PK_85523beafe5a2a6b90b02096443" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "source_revisions" ("id" uuid NOT NULL, "source_id" uuid NOT NULL, "number" integer NOT NULL, "text" text NOT NULL, "sha256" character(64) NOT NULL, "reason" text, "actor" character varying(200) NOT NULL, "actor_user_id" uuid, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_source_revisions_number" UNIQUE ("source_id", "number"), CONSTRAINT "CHK_source_revisions_sha256" CHECK ("sha256" = encode(sha256(convert_to("text", 'UTF8')), 'hex')), CONSTRAINT "CHK_source_revisions_number" CHECK ("number" >= 1), CONSTRAINT "PK_eea6e5c21d9d14f13d5c857abe6" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "annotations" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "target_type" character varying(20) NOT NULL, "target_id" uuid NOT NULL, "source_revision_id" uuid, "exact" text, "prefix" text, "suffix" text, "start_pos" integer, "end_pos" integer, "motivation" character varying(16) NOT NULL, "body" text NOT NULL, "tags" text array NOT NULL DEFAULT '{}', "author_id" uuid, "resolved" boolean NOT NULL DEFAULT false, "parent_id" uuid, CONSTRAINT "CHK_annotations_span" CHECK (("source_revision_id" IS NULL AND "exact" IS NULL AND "start_pos" IS NULL AND "end_pos" IS NULL) OR ("source_revision_id" IS NOT NULL AND length("exact") > 0 AND 0 <= "start_pos" AND "start_pos" < "end_pos")), CONSTRAINT "CHK_annotations_body" CHECK (length(btrim("body")) > 0), CONSTRAINT "CHK_annotations_target_type" CHECK ("target_type" IN ('Source', 'Entity', 'Event', 'Claim', 'Evidence', 'Annotation')), CONSTRAINT "CHK_annotations_motivation" CHECK ("motivation" IN ('COMMENTING', 'QUESTIONING', 'CORRECTING', 'TAGGING', 'ASSESSING', 'LINKING')), CONSTRAINT "PK_d5b59b40ef7ee54b4309c2e89b2" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_annotations_parent" ON "annotations"  ("parent_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_annotations_target" ON "annotations"  ("target_type", "target_id") `);
    await queryRunner.query(
      `CREATE TABLE "entities" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "name" character varying(300) NOT NULL, "kind" character varying(16) NOT NULL, "aliases" text array NOT NULL DEFAULT '{}', "description" text, "external_ids" jsonb NOT NULL DEFAULT '{}', "merged_into_id" uuid, CONSTRAINT "CHK_entities_not_merged_into_self" CHECK ("merged_into_id" IS NULL OR "merged_into_id" <> "id"), CONSTRAINT "CHK_entities_external_ids" CHECK (jsonb_typeof("external_ids") = 'object'), CONSTRAINT "CHK_entities_name" CHECK (length(btrim("name")) > 0), CONSTRAINT "CHK_entities_kind" CHECK ("kind" IN ('PERSON', 'ORGANIZATION', 'STATE', 'PLACE', 'OTHER')), CONSTRAINT "PK_8640855ae82083455cbb806173d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "event_types" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "code" character varying(40) NOT NULL, "label" character varying(200) NOT NULL, "description" text, CONSTRAINT "UQ_e317f07d9a82db10adb2f4435ef" UNIQUE ("code"), CONSTRAINT "CHK_event_types_code" CHECK ("code" ~ '^[A-Z][A-Z0-9_]*$'), CONSTRAINT "PK_ffe6b2d60596409fb08fb13830d" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `CREATE TABLE "events" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "title" character varying(500) NOT NULL, "type_code" character varying(40) NOT NULL, "summary" text, "start_date" date, "start_precision" character varying(8), "end_date" date, "end_precision" character varying(8), "time_expression" character varying(300), "place_id" uuid, "parent_id" uuid, "modality" character varying(16) NOT NULL, "status" character varying(16) NOT NULL DEFAULT 'DRAFT', CONSTRAINT "CHK_events_not_own_parent" CHECK ("parent_id" IS NULL OR "parent_id" <> "id"), CONSTRAINT "CHK_events_end_after_start" CHECK ("end_date" IS NULL OR ("start_date" IS NOT NULL AND "end_date" >= "start_date")), CONSTRAINT "CHK_events_end" CHECK (("end_date" IS NULL AND "end_precision" IS NULL) OR ("end_date" IS NOT NULL AND ("end_precision" = 'DAY' OR ("end_precision" = 'WEEK' AND EXTRACT(ISODOW FROM "end_date") = 1) OR ("end_precision" = 'MONTH' AND EXTRACT(DAY FROM "end_date") = 1) OR ("end_precision" = 'YEAR' AND EXTRACT(DAY FROM "end_date") = 1 AND EXTRACT(MONTH FROM "end_date") = 1)))), CONSTRAINT "CHK_events_start" CHECK (("start_date" IS NULL AND "start_precision" IS NULL) OR ("start_date" IS NOT NULL AND ("start_precision" = 'DAY' OR ("start_precision" = 'WEEK' AND EXTRACT(ISODOW FROM "start_date") = 1) OR ("start_precision" = 'MONTH' AND EXTRACT(DAY FROM "start_date") = 1) OR ("start_precision" = 'YEAR' AND EXTRACT(DAY FROM "start_date") = 1 AND EXTRACT(MONTH FROM "start_date") = 1)))), CONSTRAINT "CHK_events_end_precision" CHECK ("end_precision" IS NULL OR "end_precision" IN ('DAY', 'WEEK', 'MONTH', 'YEAR')), CONSTRAINT "CHK_events_start_precision" CHECK ("start_precision" IS NULL OR "start_precision" IN ('DAY', 'WEEK', 'MONTH', 'YEAR')), CONSTRAINT "CHK_events_status" CHECK ("status" IN ('DRAFT', 'IN_REVIEW', 'VERIFIED', 'DISPUTED', 'REJECTED', 'RETRACTED')), CONSTRAINT "CHK_events_modality" CHECK ("modality" IN ('OCCURRED', 'EXPECTED', 'PLANNED', 'ALLEGED')), CONSTRAINT "CHK_events_title" CHECK (length(btrim("title")) > 0), CONSTRAINT "PK_40731c7151fe4be3116e45ddf73" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_events_start" ON "events"  ("start_date") `);
    await queryRunner.query(`CREATE INDEX "IDX_events_status_created" ON "events"  ("status", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "event_participants" ("event_id" uuid NOT NULL, "entity_id" uuid NOT NULL, "role" character varying(16) NOT NULL, CONSTRAINT "CHK_event_participants_role" CHECK ("role" IN ('AGENT', 'TARGET', 'HOST', 'PARTICIPANT')), CONSTRAINT "PK_a7a71b060628f9a12de1a55d1aa" PRIMARY KEY ("event_id", "entity_id", "role"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_event_participants_entity" ON "event_participants"  ("entity_id") `);
    await queryRunner.query(
      `CREATE TABLE "claims" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "text" text NOT NULL, "claimant_id" uuid, "claimant_label" character varying(300), "attribution" character varying(20) NOT NULL, "modality" character varying(16) NOT NULL, "credibility" smallint, "rank" character varying(12) NOT NULL DEFAULT 'NORMAL', "status" character varying(16) NOT NULL DEFAULT 'DRAFT', CONSTRAINT "CHK_claims_credibility" CHECK ("credibility" IS NULL OR "credibility" BETWEEN 1 AND 6), CONSTRAINT "CHK_claims_status" CHECK ("status" IN ('DRAFT', 'IN_REVIEW', 'VERIFIED', 'DISPUTED', 'REJECTED', 'RETRACTED')), CONSTRAINT "CHK_claims_rank" CHECK ("rank" IN ('PREFERRED', 'NORMAL', 'DEPRECATED')), CONSTRAINT "CHK_claims_modality" CHECK ("modality" IN ('ASSERTED', 'HEDGED', 'SPECULATIVE', 'EXPECTED', 'DENIED')), CONSTRAINT "CHK_claims_attribution" CHECK ("attribution" IN ('DIRECT_QUOTE', 'REPORTED_SPEECH', 'AUTHOR_ASSERTION')), CONSTRAINT "CHK_claims_claimant" CHECK (num_nonnulls("claimant_id", "claimant_label") = 1), CONSTRAINT "CHK_claims_text" CHECK (length(btrim("text")) > 0), CONSTRAINT "PK_96c91970c0dcb2f69fdccd0a698" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_claimant" ON "claims"  ("claimant_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_claims_status_created" ON "claims"  ("status", "created_at", "id") `);
    await queryRunner.query(
      `CREATE TABLE "claim_events" ("claim_id" uuid NOT NULL, "event_id" uuid NOT NULL, CONSTRAINT "PK_3cab965ea99e30fa707c216ea0f" PRIMARY KEY ("claim_id", "event_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_events_event" ON "claim_events"  ("event_id") `);
    await queryRunner.query(
      `CREATE TABLE "claim_entities" ("claim_id" uuid NOT NULL, "entity_id" uuid NOT NULL, CONSTRAINT "PK_89b17c30ebdefef58fa0f8d84d2" PRIMARY KEY ("claim_id", "entity_id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_entities_entity" ON "claim_entities"  ("entity_id") `);
    await queryRunner.query(
      `CREATE TABLE "claim_links" ("from_claim_id" uuid NOT NULL, "to_claim_id" uuid NOT NULL, "type" character varying(16) NOT NULL, CONSTRAINT "CHK_claim_links_not_self" CHECK ("from_claim_id" <> "to_claim_id"), CONSTRAINT "CHK_claim_links_type" CHECK ("type" IN ('SUPPORTS', 'CONTRADICTS', 'DUPLICATES', 'REFINES')), CONSTRAINT "PK_052a66cb343dffe5d93eff693a7" PRIMARY KEY ("from_claim_id", "to_claim_id", "type"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claim_links_to" ON "claim_links"  ("to_claim_id") `);
    await queryRunner.query(
      `CREATE TABLE "evidence" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "claim_id" uuid, "event_id" uuid, "source_revision_id" uuid NOT NULL, "exact" text NOT NULL, "prefix" text NOT NULL DEFAULT '', "suffix" text NOT NULL DEFAULT '', "start_pos" integer NOT NULL, "end_pos" integer NOT NULL, "anchor_status" character varying(12) NOT NULL DEFAULT 'ANCHORED', CONSTRAINT "CHK_evidence_anchored_length" CHECK ("anchor_status" <> 'ANCHORED' OR length("exact") = "end_pos" - "start_pos"), CONSTRAINT "CHK_evidence_anchor_status" CHECK ("anchor_status" IN ('ANCHORED', 'FUZZY', 'ORPHANED')), CONSTRAINT "CHK_evidence_exact" CHECK (length("exact") > 0), CONSTRAINT "CHK_evidence_range" CHECK (0 <= "start_pos" AND "start_pos" < "end_pos"), CONSTRAINT "CHK_evidence_subject" CHECK (num_nonnulls("claim_id", "event_id") = 1), CONSTRAINT "PK_b864cb5d49854f89917fc0b44b9" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_evidence_source_revision" ON "evidence"  ("source_revision_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_evidence_event" ON "evidence"  ("event_id") `);
    await queryRunner.query(`CREATE INDEX "IDX_evidence_claim" ON "evidence"  ("claim_id") `);
    await queryRunner.query(
      `CREATE TABLE "api_keys" ("id" uuid NOT NULL, "version" integer NOT NULL DEFAULT '1', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "deleted_at" TIMESTAMP WITH TIME ZONE, "delete_reason" text, "name" character varying(200) NOT NULL, "prefix" character varying(32) NOT NULL, "key_hash" text NOT NULL, "created_by_id" uuid, "last_used_at" TIMESTAMP WITH TIME ZONE, "expires_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "UQ_6f6105c8efe05b310d046cbdb3d" UNIQUE ("prefix"), CONSTRAINT "CHK_api_keys_hash" CHECK (length("key_hash") > 0), CONSTRAINT "PK_5c8a79801b44bd27b79228e1dad" PRIMARY KEY ("id"))`,
    );
    await queryRunner.query(
      `ALTER TABLE "revisions" ADD CONSTRAINT "FK_36a577667ad455ada0f144e83da" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_revisions" ADD CONSTRAINT "FK_b52cb761a4c5a4463e71eb6880b" FOREIGN KEY ("source_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "source_revisions" ADD CONSTRAINT "FK_6c11dc18141fa46d1b104192e99" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "FK_af8bc1d40114635756d36c5dbea" FOREIGN KEY ("source_revision_id") REFERENCES "source_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "FK_5f1a4f8451c8658aed7822394a3" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "annotations" ADD CONSTRAINT "FK_c096c7692849f62853631381cae" FOREIGN KEY ("parent_id") REFERENCES "annotations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "entities" ADD CONSTRAINT "FK_5308c5f58c22aa1510e214f7c42" FOREIGN KEY ("merged_into_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_5a0faf7402afcc8619516cbf874" FOREIGN KEY ("type_code") REFERENCES "event_types"("code") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_047655297d772b6bfd08af7044f" FOREIGN KEY ("place_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_17eb93d8176ac075264a64d1af7" FOREIGN KEY ("parent_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_participants" ADD CONSTRAINT "FK_b5349807aae71193d0cc0f52e35" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_participants" ADD CONSTRAINT "FK_646d49979bbf84d490926116e2c" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_d036d8b74e0510ea3779a504f90" FOREIGN KEY ("claimant_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_events" ADD CONSTRAINT "FK_fc4b5cdff8954c3719def21fc0d" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_events" ADD CONSTRAINT "FK_936b0c8f345f5faad3495e82c11" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_entities" ADD CONSTRAINT "FK_0a2c07b7eace3383b3f7e9b16b4" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_entities" ADD CONSTRAINT "FK_d8958801ffb9c9e2aff7d9cdca4" FOREIGN KEY ("entity_id") REFERENCES "entities"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_links" ADD CONSTRAINT "FK_e701db3d84d7dbb52225241821b" FOREIGN KEY ("from_claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claim_links" ADD CONSTRAINT "FK_f4916c59df0eb98653639230a45" FOREIGN KEY ("to_claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_f3159733eca165f3abf9bec5dd7" FOREIGN KEY ("claim_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_edc44e12af4a0e588756d13501a" FOREIGN KEY ("event_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "evidence" ADD CONSTRAINT "FK_df7ed9b1aa2936e3147f1aedfe4" FOREIGN KEY ("source_revision_id") REFERENCES "source_revisions"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "api_keys" ADD CONSTRAINT "FK_3afd227c6cb003779abe2a88b4e" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    // What TypeORM's entities cannot express: extensions, expression indexes, and the database's own guards.
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`CREATE UNIQUE INDEX "UQ_users_email" ON "users" (lower("email"))`);
    await queryRunner.query(
      `CREATE INDEX "IDX_source_revisions_text_fts" ON "source_revisions" USING gin (to_tsvector('english', "text"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_claims_text_fts" ON "claims" USING gin (to_tsvector('english', "text"))`);
    // array_to_string is only STABLE; over text[] it cannot change, so this wrapper may be IMMUTABLE and indexed.
    await queryRunner.query(`CREATE FUNCTION entity_search_names(name text, aliases text[]) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$ SELECT lower(name || ' ' || array_to_string(aliases, ' ')) $$`);
    await queryRunner.query(
      `CREATE INDEX "IDX_entities_names_trgm" ON "entities" USING gin (entity_search_names("name", "aliases") gin_trgm_ops)`,
    );

    // Invariant 2, and immutable text snapshots: the log and the snapshots only ever grow.
    await queryRunner.query(`CREATE FUNCTION refuse_append_only_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`);
    for (const table of ['revisions', 'source_revisions']) {
      await queryRunner.query(`CREATE TRIGGER "${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
      await queryRunner.query(`CREATE TRIGGER "${table}_no_truncate" BEFORE TRUNCATE ON "${table}"
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    }

    // Invariant 4: an ANCHORED selector's positions hold exactly its quote (positions count characters).
    await queryRunner.query(`CREATE FUNCTION evidence_check_anchor() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE revision_text text;
      BEGIN
        IF NEW.anchor_status = 'ANCHORED' THEN
          SELECT "text" INTO revision_text FROM source_revisions WHERE id = NEW.source_revision_id;
          IF NEW.end_pos > length(revision_text)
             OR substr(revision_text, NEW.start_pos + 1, NEW.end_pos - NEW.start_pos) IS DISTINCT FROM NEW.exact THEN
            RAISE EXCEPTION 'evidence %: the text at [%, %) is not its exact quote', NEW.id, NEW.start_pos, NEW.end_pos
              USING ERRCODE = 'check_violation';
          END IF;
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`CREATE TRIGGER "evidence_anchor_check" BEFORE INSERT OR UPDATE ON "evidence"
      FOR EACH ROW EXECUTE FUNCTION evidence_check_anchor()`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TRIGGER "evidence_anchor_check" ON "evidence"`);
    await queryRunner.query(`DROP FUNCTION evidence_check_anchor()`);
    for (const table of ['revisions', 'source_revisions']) {
      await queryRunner.query(`DROP TRIGGER "${table}_append_only" ON "${table}"`);
      await queryRunner.query(`DROP TRIGGER "${table}_no_truncate" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`DROP INDEX "IDX_entities_names_trgm"`);
    await queryRunner.query(`DROP FUNCTION entity_search_names(text, text[])`);
    await queryRunner.query(`DROP INDEX "IDX_claims_text_fts"`);
    await queryRunner.query(`DROP INDEX "IDX_source_revisions_text_fts"`);
    await queryRunner.query(`DROP INDEX "UQ_users_email"`);
    await queryRunner.query(`ALTER TABLE "api_keys" DROP CONSTRAINT "FK_3afd227c6cb003779abe2a88b4e"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_df7ed9b1aa2936e3147f1aedfe4"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_edc44e12af4a0e588756d13501a"`);
    await queryRunner.query(`ALTER TABLE "evidence" DROP CONSTRAINT "FK_f3159733eca165f3abf9bec5dd7"`);
    await queryRunner.query(`ALTER TABLE "claim_links" DROP CONSTRAINT "FK_f4916c59df0eb98653639230a45"`);
    await queryRunner.query(`ALTER TABLE "claim_links" DROP CONSTRAINT "FK_e701db3d84d7dbb52225241821b"`);
    await queryRunner.query(`ALTER TABLE "claim_entities" DROP CONSTRAINT "FK_d8958801ffb9c9e2aff7d9cdca4"`);
    await queryRunner.query(`ALTER TABLE "claim_entities" DROP CONSTRAINT "FK_0a2c07b7eace3383b3f7e9b16b4"`);
    await queryRunner.query(`ALTER TABLE "claim_events" DROP CONSTRAINT "FK_936b0c8f345f5faad3495e82c11"`);
    await queryRunner.query(`ALTER TABLE "claim_events" DROP CONSTRAINT "FK_fc4b5cdff8954c3719def21fc0d"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_d036d8b74e0510ea3779a504f90"`);
    await queryRunner.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "FK_646d49979bbf84d490926116e2c"`);
    await queryRunner.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "FK_b5349807aae71193d0cc0f52e35"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_17eb93d8176ac075264a64d1af7"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_047655297d772b6bfd08af7044f"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_5a0faf7402afcc8619516cbf874"`);
    await queryRunner.query(`ALTER TABLE "entities" DROP CONSTRAINT "FK_5308c5f58c22aa1510e214f7c42"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_c096c7692849f62853631381cae"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_5f1a4f8451c8658aed7822394a3"`);
    await queryRunner.query(`ALTER TABLE "annotations" DROP CONSTRAINT "FK_af8bc1d40114635756d36c5dbea"`);
    await queryRunner.query(`ALTER TABLE "source_revisions" DROP CONSTRAINT "FK_6c11dc18141fa46d1b104192e99"`);
    await queryRunner.query(`ALTER TABLE "source_revisions" DROP CONSTRAINT "FK_b52cb761a4c5a4463e71eb6880b"`);
    await queryRunner.query(`ALTER TABLE "revisions" DROP CONSTRAINT "FK_36a577667ad455ada0f144e83da"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_claim"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_event"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_evidence_source_revision"`);
    await queryRunner.query(`DROP TABLE "evidence"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claim_links_to"`);
    await queryRunner.query(`DROP TABLE "claim_links"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claim_entities_entity"`);
    await queryRunner.query(`DROP TABLE "claim_entities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claim_events_event"`);
    await queryRunner.query(`DROP TABLE "claim_events"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_claims_claimant"`);
    await queryRunner.query(`DROP TABLE "claims"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_event_participants_entity"`);
    await queryRunner.query(`DROP TABLE "event_participants"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_events_status_created"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_events_start"`);
    await queryRunner.query(`DROP TABLE "events"`);
    await queryRunner.query(`DROP TABLE "event_types"`);
    await queryRunner.query(`DROP TABLE "entities"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_annotations_target"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_annotations_parent"`);
    await queryRunner.query(`DROP TABLE "annotations"`);
    await queryRunner.query(`DROP TABLE "source_revisions"`);
    await queryRunner.query(`DROP TABLE "sources"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_revisions_created"`);
    await queryRunner.query(`DROP TABLE "revisions"`);
    await queryRunner.query(`DROP TABLE "users"`);
  }
}
