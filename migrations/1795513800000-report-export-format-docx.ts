import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reports (issue 22, part 2): an export may be the draft progress letter to parliament
 * (`docx`) beside the other formats.
 */
export class ReportExportFormatDocx1795513800000 implements MigrationInterface {
  name = 'ReportExportFormatDocx1795513800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "report_exports"
        DROP CONSTRAINT "ck_report_exports_format",
        ADD CONSTRAINT "ck_report_exports_format"
          CHECK ("format" IN ('json', 'csv', 'xlsx', 'pdf', 'html', 'docx'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // Exports live for a day at most: the letters made since are dropped with the format.
    await queryRunner.query(`DELETE FROM "report_exports" WHERE "format" = 'docx'`);
    await queryRunner.query(`
      ALTER TABLE "report_exports"
        DROP CONSTRAINT "ck_report_exports_format",
        ADD CONSTRAINT "ck_report_exports_format"
          CHECK ("format" IN ('json', 'csv', 'xlsx', 'pdf', 'html'))`);
  }
}
