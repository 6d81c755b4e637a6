import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Ids per partition of the log: at a few kilobytes a revision, some gigabytes each. */
export const REVISION_PARTITION_WIDTH = 1_000_000;

const COLUMNS = `"id", "record_type", "record_id", "version", "operation", "changes", "state", "reason", "actor", "actor_user_id",
  "request_id", "created_at", "prev_hash", "hash", "xact_id"`;

/** The log as the migrations before this one left it, but partitioned by `partitioned`, and without its triggers and grants. */
function revisionsTable(partitioned: boolean): string {
  return `CREATE TABLE "revisions" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "record_type" character varying(20) NOT NULL,
      "record_id" uuid NOT NULL, "version" integer NOT NULL, "operation" character varying(12) NOT NULL, "changes" jsonb NOT NULL,
      "state" jsonb NOT NULL, "reason" text, "actor" character varying(200) NOT NULL, "actor_user_id" uuid,
      "request_id" character varying(100), "created_at" TIMESTAMP WITH TIME ZONE NOT NULL, "prev_hash" character(64),
      "hash" character(64) NOT NULL, "xact_id" bigint NOT NULL DEFAULT current_xact_id(),
      ${partitioned ? '' : `CONSTRAINT "UQ_revisions_record_version" UNIQUE ("record_type", "record_id", "version"),`}
      CONSTRAINT "CHK_revisions_hash" CHECK ("hash" ~ '^[0-9a-f]{64}$'),
      CONSTRAINT "CHK_revisions_chain_start" CHECK (("version" = 1) = ("prev_hash" IS NULL)),
      CONSTRAINT "CHK_revisions_version" CHECK ("version" >= 1),
      CONSTRAINT "CHK_revisions_operation" CHECK ("operation" IN ('CREATE', 'UPDATE', 'DELETE', 'RESTORE', 'REVIEW', 'MERGE', 'REANCHOR')),
      CONSTRAINT "CHK_revisions_record_type" CHECK ("record_type" IN ('Source', 'Entity', 'EventType', 'Event', 'Claim', 'Evidence', 'Annotation', 'User', 'ApiKey')),
      CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" PRIMARY KEY ("id"))${partitioned ? ' PARTITION BY RANGE ("id")' : ''}`;
}

/** The new `revisions` hands out ids from where the renamed `revisions_before` stopped, ids lost to rollbacks included. */
async function continueIdentity(queryRunner: QueryRunner): Promise<void> {
  await queryRunner.query(`SELECT setval(pg_get_serial_sequence('revisions', 'id'), position)
      FROM (SELECT coalesce(pg_sequence_last_value(pg_get_serial_sequence('revisions_before', 'id')), 0) AS position) p WHERE position > 0`);
}

/**
 * The revision log grows without slowing: `revisions` is partitioned by range of its id, the log position, a
 * partition per REVISION_PARTITION_WIDTH ids, so its newest rows and indexes stay small and an old partition can be
 * moved to cheaper storage or detached and archived whole. By id rather than time: the primary key (id) holds
 * the partition key, as a partitioned table's unique indexes must, and every reader that walks the log by
 * position (checkpoints, the feed, `revert`) reads only the partitions it spans.
 *
 * What a plain table gave and a partitioned one does not is a unique index on (record_type, record_id, version),
 * which would have to include id. Its place is taken by `revision_heads`, one row per record holding its highest
 * version, which the trigger `revisions_version_guard` moves forward on every insert and refuses to move back or
 * sideways: a version at or below the head is refused with unique_violation, under the name of the old constraint.
 * Two transactions inserting the same version meet on the head's row as they met on the unique index's entry: the
 * second waits for the first, then sees its head and is refused (or proceeds if the first rolled back). The table is
 * the owner's and the trigger runs as the owner; the server's role may not touch it.
 *
 * Partitions live in the schema `revision_partitions`, on which the server's role has no rights: it reaches the log
 * only through `revisions`, where it may SELECT and INSERT. The append-only trigger is declared on `revisions`, so
 * PostgreSQL puts it on every partition, made now or later; TRUNCATE triggers are per table, and
 * `ensure_revision_partitions()` adds one to each partition it makes. That function (run by the server at start and
 * every hour, and by this migration) keeps partitions made for at least two widths of ids past the identity's
 * position; as the owner, serialized by an advisory lock. Making a partition locks `revisions` exclusively for a moment,
 * and writers queue behind a wait for that lock: it gives up after a second (a long check of the log holds it off),
 * and the next hour tries again, well inside the two widths kept ahead.
 */
export class PartitionedRevisions1796980000000 implements MigrationInterface {
  name = 'PartitionedRevisions1796980000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revisions" RENAME TO "revisions_before"`);
    await queryRunner.query(`ALTER TABLE "revisions_before" RENAME CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" TO "revisions_before_pkey"`);
    await queryRunner.query(`CREATE SCHEMA "revision_partitions"`);
    await queryRunner.query(`REVOKE ALL ON SCHEMA "revision_partitions" FROM PUBLIC`);
    await queryRunner.query(revisionsTable(true));
    await continueIdentity(queryRunner);
    await queryRunner.query(`CREATE FUNCTION ensure_revision_partitions() RETURNS integer LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp SET lock_timeout = '1s' AS $$
      DECLARE
        width constant bigint := ${REVISION_PARTITION_WIDTH};
        log_position bigint := coalesce(pg_sequence_last_value(pg_get_serial_sequence('public.revisions', 'id')), 0);
        next_lower bigint;
        part_name text;
        made integer := 0;
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('provenance-store:revision-partitions'));
        SELECT coalesce(max((regexp_match(pg_get_expr(c.relpartbound, c.oid), 'TO \\(''?(\\d+)''?\\)'))[1]::bigint), 0) INTO next_lower
          FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'public.revisions'::regclass;
        WHILE next_lower <= log_position + 2 * width LOOP
          part_name := format('revisions_%s', lpad(next_lower::text, 12, '0'));
          EXECUTE format('CREATE TABLE revision_partitions.%I PARTITION OF public.revisions FOR VALUES FROM (%s) TO (%s)',
            part_name, next_lower, next_lower + width);
          EXECUTE format('REVOKE ALL ON revision_partitions.%I FROM PUBLIC, provenance_app', part_name);
          EXECUTE format('CREATE TRIGGER revisions_no_truncate BEFORE TRUNCATE ON revision_partitions.%I
            FOR EACH STATEMENT EXECUTE FUNCTION public.refuse_append_only_change()', part_name);
          next_lower := next_lower + width;
          made := made + 1;
        END LOOP;
        RETURN made;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION ensure_revision_partitions() FROM PUBLIC`);
    await queryRunner.query(`GRANT EXECUTE ON FUNCTION ensure_revision_partitions() TO provenance_app`);
    await queryRunner.query(`SELECT ensure_revision_partitions()`);
    await queryRunner.query(
      `INSERT INTO "revisions" (${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${COLUMNS} FROM "revisions_before" ORDER BY "id"`,
    );

    await queryRunner.query(`CREATE TABLE "revision_heads" ("record_type" character varying(20) NOT NULL, "record_id" uuid NOT NULL,
        "version" integer NOT NULL, CONSTRAINT "PK_revision_heads" PRIMARY KEY ("record_type", "record_id"))`);
    await queryRunner.query(
      `INSERT INTO "revision_heads" SELECT "record_type", "record_id", max("version") FROM "revisions" GROUP BY 1, 2`,
    );
    await queryRunner.query(`REVOKE ALL ON "revision_heads" FROM provenance_app`);
    await queryRunner.query(`CREATE FUNCTION guard_revision_version() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER
        SET search_path = pg_catalog, pg_temp AS $$
      BEGIN
        INSERT INTO public.revision_heads AS head (record_type, record_id, version) VALUES (NEW.record_type, NEW.record_id, NEW.version)
          ON CONFLICT (record_type, record_id) DO UPDATE SET version = EXCLUDED.version WHERE head.version < EXCLUDED.version;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'duplicate key value violates unique constraint "UQ_revisions_record_version"'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'UQ_revisions_record_version', TABLE = 'revisions',
              DETAIL = format('%s %s has a revision at version %s or later already.', NEW.record_type, NEW.record_id, NEW.version);
        END IF;
        RETURN NEW;
      END $$`);
    await queryRunner.query(`REVOKE ALL ON FUNCTION guard_revision_version() FROM PUBLIC`);

    await queryRunner.query(`DROP TABLE "revisions_before"`);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_record" ON "revisions" ("record_type", "record_id", "version") `);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_created" ON "revisions" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_actor" ON "revisions" ("actor", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_feed" ON "revisions" ("xact_id", "id") `);
    await queryRunner.query(
      `ALTER TABLE "revisions" ADD CONSTRAINT "FK_36a577667ad455ada0f144e83da" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await this.guard(queryRunner, true);
    await queryRunner.query(`REVOKE ALL ON "revisions" FROM provenance_app`);
    await queryRunner.query(`GRANT SELECT, INSERT ON "revisions" TO provenance_app`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "revisions" RENAME TO "revisions_before"`);
    await queryRunner.query(`ALTER TABLE "revisions_before" RENAME CONSTRAINT "PK_4aa9ee2c71c50508c3c501573c9" TO "revisions_before_pkey"`);
    for (const index of ['record', 'created', 'actor', 'feed'])
      await queryRunner.query(`ALTER INDEX "IDX_revisions_${index}" RENAME TO "revisions_before_${index}"`);
    await queryRunner.query(revisionsTable(false));
    await continueIdentity(queryRunner);
    await queryRunner.query(
      `INSERT INTO "revisions" (${COLUMNS}) OVERRIDING SYSTEM VALUE SELECT ${COLUMNS} FROM "revisions_before" ORDER BY "id"`,
    );
    await queryRunner.query(`DROP TABLE "revisions_before"`);
    await queryRunner.query(`DROP SCHEMA "revision_partitions"`);
    await queryRunner.query(`DROP FUNCTION ensure_revision_partitions()`);
    await queryRunner.query(`DROP TABLE "revision_heads"`);
    await queryRunner.query(`DROP FUNCTION guard_revision_version()`);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_created" ON "revisions" ("created_at") `);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_actor" ON "revisions" ("actor", "created_at", "id") `);
    await queryRunner.query(`CREATE INDEX "IDX_revisions_feed" ON "revisions" ("xact_id", "id") `);
    await queryRunner.query(
      `ALTER TABLE "revisions" ADD CONSTRAINT "FK_36a577667ad455ada0f144e83da" FOREIGN KEY ("actor_user_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await this.guard(queryRunner, false);
    await queryRunner.query(`REVOKE ALL ON "revisions" FROM provenance_app`);
    await queryRunner.query(`GRANT SELECT, INSERT ON "revisions" TO provenance_app`);
  }

  /** The log's triggers: append-only (migration Init), the notification at commit (RevisionTransactions), and the version guard. */
  private async guard(queryRunner: QueryRunner, partitioned: boolean): Promise<void> {
    await queryRunner.query(`CREATE TRIGGER "revisions_append_only" BEFORE UPDATE OR DELETE ON "revisions"
        FOR EACH ROW EXECUTE FUNCTION refuse_append_only_change()`);
    await queryRunner.query(`CREATE TRIGGER "revisions_no_truncate" BEFORE TRUNCATE ON "revisions"
        FOR EACH STATEMENT EXECUTE FUNCTION refuse_append_only_change()`);
    await queryRunner.query(
      `CREATE TRIGGER "revisions_notify" AFTER INSERT ON "revisions" FOR EACH STATEMENT EXECUTE FUNCTION notify_revisions()`,
    );
    if (partitioned)
      await queryRunner.query(`CREATE TRIGGER "revisions_version_guard" BEFORE INSERT ON "revisions"
          FOR EACH ROW EXECUTE FUNCTION guard_revision_version()`);
  }
}
