import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting (issue 23): which part of a programme's actions each data version changed, so that
 * the first summary after a change recounts only that part.
 *
 * A programme's actions fall into 64 buckets, kept in the stored generated column
 * `actions.report_bucket` = `report_bucket_of(coalesce(commitment_id, id))`: an action with a
 * commitment shares its commitment's bucket (the summary's per-commitment roll-ups then come
 * from one bucket each, which keeps the partial counts the API holds small, and a change to a
 * commitment touches one bucket), one without is placed by its own id. A column rather than an
 * expression: PostgreSQL keeps statistics of a column, and without them it expects a grouping
 * by bucket to give as many groups as rows and sorts 100,000 rows on disk instead of hashing
 * (0.8–1 s instead of 0.4 s). The index `ix_actions_report_bucket` reads one bucket's actions.
 *
 * `report_version_changes` is an append-only log: the deferred trigger of migration
 * 1795453200000, right after it bumps a programme's version, writes one row per (transaction,
 * programme, bucket) it changed, at that version; -1 means every bucket (a track or an
 * organisation changed: rare, and then the whole summary is counted again). Every version a
 * bump gives has at least one row, so a reader that finds fewer distinct versions in
 * (kept, seen] than seen − kept knows the purge (or the time before this migration) took some
 * and counts everything.
 *
 * No new lock on the write path, so no new deadlock: the log row is an INSERT at commit, made
 * while the transaction already holds its programme's `report_versions` row (the last lock of
 * the order, README "Concurrency"); an INSERT locks no existing row, the log has no foreign key
 * (which would share-lock the referenced row), and its primary key cannot make two writers wait
 * for each other: a (programme, version) pair belongs to the one transaction holding that row.
 * The bucket of a row written for a partner, progress update or comment is read from its action
 * with a plain SELECT (no lock), as the programme already was. The worker deletes rows older
 * than a day, hourly, by `created_at`.
 */
export class ReportVersionChanges1795524600000 implements MigrationInterface {
  name = 'ReportVersionChanges1795524600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Immutable, so a generated column can hold it.
    await queryRunner.query(`
      CREATE FUNCTION "report_bucket_of"(key uuid) RETURNS integer
        LANGUAGE sql IMMUTABLE PARALLEL SAFE
        AS $$ SELECT pg_catalog.uuid_hash(key) & 63 $$`);
    await queryRunner.query(
      `ALTER TABLE "actions" ADD COLUMN "report_bucket" smallint
         GENERATED ALWAYS AS ("report_bucket_of"(coalesce("commitment_id", "id"))) STORED`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_actions_report_bucket" ON "actions" ("programme_id", "report_bucket")`,
    );
    await queryRunner.query(`
      CREATE TABLE "report_version_changes" (
        "programme_id" uuid NOT NULL,
        "version" bigint NOT NULL,
        "bucket" smallint NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_report_version_changes" PRIMARY KEY ("programme_id", "version", "bucket"),
        CONSTRAINT "ck_report_version_changes_bucket" CHECK ("bucket" BETWEEN -1 AND 63)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_report_version_changes_created" ON "report_version_changes" ("created_at")`,
    );
    // Once per (transaction, programme, bucket); the version is the one this transaction gave.
    await queryRunner.query(`
      CREATE FUNCTION "report_version_log"(programme uuid, bucket integer) RETURNS void
        LANGUAGE plpgsql AS $$
      DECLARE
        logged text := coalesce(current_setting('sbt.report_buckets_logged', true), '');
        mark text;
      BEGIN
        IF programme IS NULL THEN
          RETURN;
        END IF;
        mark := programme::text || ':' || bucket::text || ',';
        IF position(mark IN logged) > 0 THEN
          RETURN;
        END IF;
        PERFORM "report_version_bump"(programme);
        INSERT INTO "report_version_changes" ("programme_id", "version", "bucket")
          SELECT programme, v."version", bucket FROM "report_versions" v
           WHERE v."programme_id" = programme
          ON CONFLICT DO NOTHING;
        PERFORM set_config('sbt.report_buckets_logged', logged || mark, true);
      END
      $$`);
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "report_version_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        target record;
        owner_action record;
      BEGIN
        IF TG_OP = 'DELETE' THEN target := OLD; ELSE target := NEW; END IF;
        IF TG_TABLE_NAME = 'actions' THEN
          PERFORM "report_version_log"(target.programme_id, target.report_bucket);
          -- An action that moves to another commitment leaves its old bucket too.
          IF TG_OP = 'UPDATE' AND (OLD.report_bucket IS DISTINCT FROM NEW.report_bucket
                                   OR OLD.programme_id IS DISTINCT FROM NEW.programme_id) THEN
            PERFORM "report_version_log"(OLD.programme_id, OLD.report_bucket);
          END IF;
        ELSIF TG_TABLE_NAME = 'commitments' THEN
          -- Its actions are in its bucket.
          PERFORM "report_version_log"(target.programme_id, "report_bucket_of"(target.id));
        ELSIF TG_ARGV[0] = 'programme' THEN
          PERFORM "report_version_log"(target.programme_id, -1);
        ELSIF TG_ARGV[0] = 'action' THEN
          SELECT a.programme_id, a.report_bucket INTO owner_action
            FROM actions a WHERE a.id = target.action_id;
          IF FOUND THEN
            PERFORM "report_version_log"(owner_action.programme_id, owner_action.report_bucket);
          END IF;
        ELSE
          -- An organisation's name shows in every programme's summary: a rare change. Once
          -- per transaction, locking the rows in programme order.
          IF position('*' IN coalesce(current_setting('sbt.report_versions_bumped', true), '')) = 0 THEN
            WITH bumped AS (
              UPDATE "report_versions" SET "version" = "version" + 1
               WHERE "programme_id" IN (SELECT "programme_id" FROM "report_versions"
                                         ORDER BY "programme_id" FOR UPDATE)
              RETURNING "programme_id", "version")
            INSERT INTO "report_version_changes" ("programme_id", "version", "bucket")
              SELECT "programme_id", "version", -1 FROM bumped
              ON CONFLICT DO NOTHING;
            PERFORM set_config('sbt.report_versions_bumped',
              coalesce(current_setting('sbt.report_versions_bumped', true), '') || '*,', true);
          END IF;
        END IF;
        RETURN NULL;
      END
      $$`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    // The function of migration 1795453200000, as it was.
    await queryRunner.query(`
      CREATE OR REPLACE FUNCTION "report_version_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
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
    await queryRunner.query(`DROP FUNCTION "report_version_log"(uuid, integer)`);
    await queryRunner.query(`DROP TABLE "report_version_changes"`);
    await queryRunner.query(`DROP INDEX "ix_actions_report_bucket"`);
    await queryRunner.query(`ALTER TABLE "actions" DROP COLUMN "report_bucket"`);
    await queryRunner.query(`DROP FUNCTION "report_bucket_of"(uuid)`);
  }
}
