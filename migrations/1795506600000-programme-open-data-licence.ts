import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The licence a programme publishes its open data under (issue 22): CC0 1.0 unless the
 * programme chooses another of data.overheid.nl's open licences.
 */
export class ProgrammeOpenDataLicence1795506600000 implements MigrationInterface {
  name = 'ProgrammeOpenDataLicence1795506600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "programmes"
        ADD COLUMN "open_data_licence" varchar(20) NOT NULL DEFAULT 'cc0-1.0',
        ADD CONSTRAINT "ck_programmes_open_data_licence"
          CHECK ("open_data_licence" IN ('cc0-1.0', 'cc-by-4.0', 'pdm-1.0'))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "programmes" DROP COLUMN "open_data_licence"`);
  }
}
