import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search by word prefix (issue 18): besides the Dutch, stemmed `search` of actions, the words
 * as written (`search_simple`, the `simple` configuration: lower case, no stemming, no stop
 * words), since a typed prefix and the stem of the whole word do not always meet
 * ("bestuurl" / "bestur"); the same two for commitments (title and description), which
 * searched their title with ILIKE before; and the Kamerstuk numbers of their references.
 */
export class SearchPrefixes1795470600000 implements MigrationInterface {
  name = 'SearchPrefixes1795470600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "actions" ADD COLUMN "search_simple" tsvector GENERATED ALWAYS AS (
        to_tsvector('simple'::regconfig,
          "title" || ' ' || "description" || ' ' || coalesce("latest_narrative", ''))) STORED`);
    await queryRunner.query(
      `CREATE INDEX "ix_actions_search_simple" ON "actions" USING gin ("search_simple")`,
    );
    await queryRunner.query(`
      ALTER TABLE "commitments"
        ADD COLUMN "search" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('dutch'::regconfig, "title"), 'A') ||
          setweight(to_tsvector('dutch'::regconfig, "description"), 'B')) STORED,
        ADD COLUMN "search_simple" tsvector GENERATED ALWAYS AS (
          to_tsvector('simple'::regconfig, "title" || ' ' || "description")) STORED`);
    await queryRunner.query(
      `CREATE INDEX "ix_commitments_search" ON "commitments" USING gin ("search")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_commitments_search_simple" ON "commitments" USING gin ("search_simple")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_commitment_references_kamerstuk" ON "commitment_references" ("kamerstuk" text_pattern_ops)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_commitment_references_kamerstuk"`);
    await queryRunner.query(
      `ALTER TABLE "commitments" DROP COLUMN "search_simple", DROP COLUMN "search"`,
    );
    await queryRunner.query(`ALTER TABLE "actions" DROP COLUMN "search_simple"`);
  }
}
