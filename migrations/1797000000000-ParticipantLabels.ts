import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An event's participant may be a label (a name as the source gives it) for someone not yet in the store, as a
 * claim's claimant may: an import meets more new names than known ones. A row names an entity or a label, never
 * both; the primary key, which cannot hold the null the other leaves, is over a key PostgreSQL derives from
 * whichever is given. TypeORM records the generated column's expression in typeorm_metadata to compare it.
 * Going back drops the label participants: the older schema has nowhere to keep them.
 */
const KEY = `coalesce("entity_id"::text, 'label:' || "label")`;

export class ParticipantLabels1797000000000 implements MigrationInterface {
  name = 'ParticipantLabels1797000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "event_participants" ADD "label" character varying(300)`);
    await queryRunner.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "PK_a7a71b060628f9a12de1a55d1aa"`);
    await queryRunner.query(`ALTER TABLE "event_participants" ALTER COLUMN "entity_id" DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE "event_participants" ADD "participant_key" text GENERATED ALWAYS AS (${KEY}) STORED NOT NULL`);
    await queryRunner.query(
      `INSERT INTO "typeorm_metadata"("database", "schema", "table", "type", "name", "value") VALUES (current_database(), current_schema(), 'event_participants', 'GENERATED_COLUMN', 'participant_key', $1)`,
      [KEY],
    );
    await queryRunner.query(
      `ALTER TABLE "event_participants" ADD CONSTRAINT "PK_697030250d69919d280a8c74685" PRIMARY KEY ("event_id", "participant_key", "role")`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_participants" ADD CONSTRAINT "CHK_event_participants_entity_or_label" CHECK (("entity_id" IS NULL) <> ("label" IS NULL))`,
    );
    await queryRunner.query(
      `ALTER TABLE "event_participants" ADD CONSTRAINT "CHK_event_participants_label" CHECK ("label" IS NULL OR length(btrim("label")) > 0)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "event_participants" WHERE "entity_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "CHK_event_participants_label"`);
    await queryRunner.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "CHK_event_participants_entity_or_label"`);
    await queryRunner.query(`ALTER TABLE "event_participants" DROP CONSTRAINT "PK_697030250d69919d280a8c74685"`);
    await queryRunner.query(
      `DELETE FROM "typeorm_metadata" WHERE "type" = 'GENERATED_COLUMN' AND "name" = 'participant_key' AND "table" = 'event_participants' AND "schema" = current_schema()`,
    );
    await queryRunner.query(`ALTER TABLE "event_participants" DROP COLUMN "participant_key"`);
    await queryRunner.query(`ALTER TABLE "event_participants" ALTER COLUMN "entity_id" SET NOT NULL`);
    await queryRunner.query(
      `ALTER TABLE "event_participants" ADD CONSTRAINT "PK_a7a71b060628f9a12de1a55d1aa" PRIMARY KEY ("event_id", "entity_id", "role")`,
    );
    await queryRunner.query(`ALTER TABLE "event_participants" DROP COLUMN "label"`);
  }
}
