import type { MigrationInterface, QueryRunner } from 'typeorm';

export class IdempotencyKeys1795874875409 implements MigrationInterface {
  name = 'IdempotencyKeys1795874875409';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE TABLE "idempotency_keys" ("actor" character varying(200) NOT NULL, "key" character varying(200) NOT NULL, "fingerprint" character(64) NOT NULL, "txid" bigint NOT NULL, "response" jsonb, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_440561355c591f4d2619280678c" PRIMARY KEY ("actor", "key"))`,
    );
    await queryRunner.query(`CREATE INDEX "IDX_idempotency_keys_created" ON "idempotency_keys"  ("created_at") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_idempotency_keys_created"`);
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
