import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting: the data version per programme that keeps cached report summaries correct, and
 * the asynchronous report exports with their files.
 *
 * Every change to what a summary counts (actions, their partners and timeline, commitments,
 * tracks, organisation names) moves the programme's version in the same transaction. The
 * triggers are deferred to the commit and bump each programme once per transaction, so a
 * change holds the version row only for the moment of its commit (after its audit event,
 * which every change writes last: one lock order, no deadlock) and a bulk change of 100,000
 * rows bumps once.
 */
export class CreateReporting1795453200000 implements MigrationInterface {
  name = 'CreateReporting1795453200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "report_versions" (
        "programme_id" uuid NOT NULL,
        "version" bigint NOT NULL,
        CONSTRAINT "pk_report_versions" PRIMARY KEY ("programme_id"),
        CONSTRAINT "fk_report_versions_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`
      CREATE FUNCTION "report_version_bump"(programme uuid) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        bumped text := coalesce(current_setting('sbt.report_versions_bumped', true), '');
      BEGIN
        IF programme IS NULL OR position(programme::text IN bumped) > 0 THEN
          RETURN;
        END IF;
        INSERT INTO "report_versions" ("programme_id", "version") VALUES (programme, 1)
          ON CONFLICT ("programme_id") DO UPDATE SET "version" = "report_versions"."version" + 1;
        PERFORM set_config('sbt.report_versions_bumped', bumped || programme::text || ',', true);
      END
      $$`);
    // A row's programme: its own column, or its action's.
    await queryRunner.query(`
      CREATE FUNCTION "report_version_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target record;
      BEGIN
        IF TG_OP = 'DELETE' THEN target := OLD; ELSE target := NEW; END IF;
        IF TG_ARGV[0] = 'programme' THEN
          PERFORM "report_version_bump"(target.programme_id);
        ELSIF TG_ARGV[0] = 'action' THEN
          PERFORM "report_version_bump"((SELECT a.programme_id FROM actions a WHERE a.id = target.action_id));
        ELSE
          -- An organisation's name shows in every programme's summary: a rare change. Once
          -- per transaction, locking the rows in programme order.
          IF position('*' IN coalesce(current_setting('sbt.report_versions_bumped', true), '')) = 0 THEN
            UPDATE "report_versions" SET "version" = "version" + 1
             WHERE "programme_id" IN (SELECT "programme_id" FROM "report_versions"
                                       ORDER BY "programme_id" FOR UPDATE);
            PERFORM set_config('sbt.report_versions_bumped',
              coalesce(current_setting('sbt.report_versions_bumped', true), '') || '*,', true);
          END IF;
        END IF;
        RETURN NULL;
      END
      $$`);
    for (const [table, source, events] of [
      ['actions', 'programme', 'INSERT OR UPDATE OR DELETE'],
      ['commitments', 'programme', 'UPDATE OR DELETE'],
      ['tracks', 'programme', 'INSERT OR UPDATE OR DELETE'],
      ['action_partners', 'action', 'INSERT OR UPDATE OR DELETE'],
      ['progress_updates', 'action', 'INSERT'],
      ['comments', 'action', 'INSERT'],
      ['organisations', 'all', 'UPDATE'],
    ]) {
      await queryRunner.query(`
        CREATE CONSTRAINT TRIGGER "trg_${table}_report_version" AFTER ${events} ON "${table}"
        DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION "report_version_changed"('${source}')`);
    }

    // "Updated in the last 30 days" reads the recent progress updates only; a report's
    // closing times read an action's closing entries only.
    await queryRunner.query(
      `CREATE INDEX "ix_progress_updates_recent" ON "progress_updates" ("created_at", "action_id") WHERE "kind" = 'progress'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_progress_updates_closing" ON "progress_updates" ("action_id", "created_at") WHERE "status" IN ('met', 'partially_met', 'lapsed')`,
    );

    // An export: asked for by one person, rendered by the worker, kept until it expires.
    await queryRunner.query(`
      CREATE TABLE "report_exports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "requester_user_id" uuid NOT NULL,
        "format" varchar(10) NOT NULL,
        "parameters" jsonb NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'queued',
        "progress" smallint NOT NULL DEFAULT 0,
        -- Each run of the worker is numbered; the file is the chunks of the run that finished.
        "runs" integer NOT NULL DEFAULT 0,
        "file_run" integer,
        "filename" varchar(200),
        "content_type" varchar(100),
        "size_bytes" bigint,
        "error_code" varchar(60),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "started_at" timestamptz,
        "finished_at" timestamptz,
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "pk_report_exports" PRIMARY KEY ("id"),
        CONSTRAINT "fk_report_exports_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_report_exports_requester" FOREIGN KEY ("requester_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_report_exports_format" CHECK ("format" IN ('json', 'csv', 'xlsx', 'pdf', 'html')),
        CONSTRAINT "ck_report_exports_status" CHECK ("status" IN ('queued', 'running', 'done', 'failed')),
        CONSTRAINT "ck_report_exports_progress" CHECK ("progress" BETWEEN 0 AND 100),
        CONSTRAINT "ck_report_exports_parameters" CHECK (jsonb_typeof("parameters") = 'object'),
        CONSTRAINT "ck_report_exports_done" CHECK (("status" = 'done') = ("file_run" IS NOT NULL AND "size_bytes" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_report_exports_requester" ON "report_exports" ("requester_user_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_report_exports_expires" ON "report_exports" ("expires_at")`,
    );
    // The file, in chunks written as the renderer produces them (memory stays bounded both
    // ways); stored as they are: XLSX, PDF are compressed already.
    await queryRunner.query(`
      CREATE TABLE "report_export_chunks" (
        "export_id" uuid NOT NULL,
        "run" integer NOT NULL,
        "position" integer NOT NULL,
        "data" bytea NOT NULL,
        CONSTRAINT "pk_report_export_chunks" PRIMARY KEY ("export_id", "run", "position"),
        CONSTRAINT "fk_report_export_chunks_export" FOREIGN KEY ("export_id") REFERENCES "report_exports" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `ALTER TABLE "report_export_chunks" ALTER COLUMN "data" SET STORAGE EXTERNAL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "report_export_chunks"`);
    await queryRunner.query(`DROP TABLE "report_exports"`);
    await queryRunner.query(`DROP INDEX "ix_progress_updates_closing"`);
    await queryRunner.query(`DROP INDEX "ix_progress_updates_recent"`);
    for (const table of [
      'actions',
      'commitments',
      'tracks',
      'action_partners',
      'progress_updates',
      'comments',
      'organisations',
    ]) {
      await queryRunner.query(`DROP TRIGGER "trg_${table}_report_version" ON "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "report_version_changed"()`);
    await queryRunner.query(`DROP FUNCTION "report_version_bump"(uuid)`);
    await queryRunner.query(`DROP TABLE "report_versions"`);
  }
}
