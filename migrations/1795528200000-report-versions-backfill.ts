import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Every programme gets its row in `report_versions`. Migration 1795453200000 made the triggers
 * that move a programme's version on every change, but gave no row to the programmes that
 * already had data; a programme gets one at its first change. Until then its summary was kept
 * at version 0, and an organisation's new name (which moves every row there is) did not reach
 * it: the summary showed the old name until the programme's own data changed. A programme
 * created since has no data before its first change, so nothing of it can be stale.
 *
 * A summary kept at version 0 is counted whole again at version 1: the log
 * (`report_version_changes`) has nothing to tell about the versions in between.
 */
export class ReportVersionsBackfill1795528200000 implements MigrationInterface {
  name = 'ReportVersionsBackfill1795528200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      INSERT INTO "report_versions" ("programme_id", "version")
        SELECT "id", 1 FROM "programmes" ORDER BY "id"
        ON CONFLICT ("programme_id") DO NOTHING`);
  }

  async down(): Promise<void> {
    // The rows are what the triggers would have written at the programmes' next change.
  }
}
