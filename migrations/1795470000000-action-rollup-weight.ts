import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roll-ups (issue 18): a coordinator may weight an action in the percentage of its commitment,
 * track or parent action. Null means the default weight, 1.
 */
export class ActionRollupWeight1795470000000 implements MigrationInterface {
  name = 'ActionRollupWeight1795470000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "actions" ADD COLUMN "rollup_weight" smallint,
         ADD CONSTRAINT "ck_actions_rollup_weight" CHECK ("rollup_weight" BETWEEN 1 AND 1000)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "actions" DROP COLUMN "rollup_weight"`);
  }
}
