import type { MigrationInterface, QueryRunner } from 'typeorm';

export class RevisionsByActor1795875258440 implements MigrationInterface {
  name = 'RevisionsByActor1795875258440';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX "IDX_revisions_actor" ON "revisions"  ("actor", "created_at", "id") `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "public"."IDX_revisions_actor"`);
  }
}
