import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A comment may mention members of the programme, who are then notified. */
export class CommentMentions1795438800000 implements MigrationInterface {
  name = 'CommentMentions1795438800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // The table is append-only (a trigger refuses UPDATE): a column with a default adds no
    // row versions, so the trigger is not involved.
    await queryRunner.query(
      `ALTER TABLE "comments" ADD COLUMN "mentioned_user_ids" uuid[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `ALTER TABLE "comments" ADD CONSTRAINT "ck_comments_mentions" CHECK (cardinality("mentioned_user_ids") <= 20)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "comments" DROP COLUMN "mentioned_user_ids"`);
  }
}
