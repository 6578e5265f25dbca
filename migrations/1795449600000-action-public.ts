import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A programme marks an action public to publish it as open data
 * (`GET /v1/programmes/{id}/open-data`). Nothing is public until someone says so.
 */
export class ActionPublic1795449600000 implements MigrationInterface {
  name = 'ActionPublic1795449600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // A constant default: PostgreSQL records it in the catalogue, no table rewrite.
    await queryRunner.query(
      `ALTER TABLE "actions" ADD COLUMN "public" boolean NOT NULL DEFAULT false`,
    );
    // The export reads a programme's public actions in (deadline, id) order; partial, so it
    // stays as small as what is published and private actions cost it nothing.
    await queryRunner.query(
      `CREATE INDEX "ix_actions_public" ON "actions" ("programme_id", "deadline", "id") WHERE "public"`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_actions_public"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP COLUMN "public"`);
  }
}
