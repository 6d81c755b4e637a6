import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What an import finds across sources: the stored claim or event a proposal tells again, the story a source belongs
 * to (its first source) and the first copy of a reprinted text.
 */
export class Corroboration1796540171036 implements MigrationInterface {
  name = 'Corroboration1796540171036';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "sources" ADD "story_id" uuid`);
    await queryRunner.query(`ALTER TABLE "sources" ADD "reprint_of_id" uuid`);
    await queryRunner.query(`ALTER TABLE "events" ADD "corroborates_id" uuid`);
    await queryRunner.query(`ALTER TABLE "claims" ADD "corroborates_id" uuid`);
    await queryRunner.query(`CREATE INDEX "IDX_sources_story" ON "sources"  ("story_id") `);
    await queryRunner.query(
      `ALTER TABLE "sources" ADD CONSTRAINT "FK_2257dbb3af56bc6ac9f857fabb8" FOREIGN KEY ("story_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "sources" ADD CONSTRAINT "FK_a6a32fea55b9aa615fe0fbfb50c" FOREIGN KEY ("reprint_of_id") REFERENCES "sources"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "events" ADD CONSTRAINT "FK_9a0e8335abadc908b4f47a4bc3c" FOREIGN KEY ("corroborates_id") REFERENCES "events"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
    await queryRunner.query(
      `ALTER TABLE "claims" ADD CONSTRAINT "FK_0090e5d5a177d3d1c7741895e24" FOREIGN KEY ("corroborates_id") REFERENCES "claims"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "claims" DROP CONSTRAINT "FK_0090e5d5a177d3d1c7741895e24"`);
    await queryRunner.query(`ALTER TABLE "events" DROP CONSTRAINT "FK_9a0e8335abadc908b4f47a4bc3c"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "FK_a6a32fea55b9aa615fe0fbfb50c"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP CONSTRAINT "FK_2257dbb3af56bc6ac9f857fabb8"`);
    await queryRunner.query(`DROP INDEX "public"."IDX_sources_story"`);
    await queryRunner.query(`ALTER TABLE "claims" DROP COLUMN "corroborates_id"`);
    await queryRunner.query(`ALTER TABLE "events" DROP COLUMN "corroborates_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "reprint_of_id"`);
    await queryRunner.query(`ALTER TABLE "sources" DROP COLUMN "story_id"`);
  }
}
