import { MigrationInterface, QueryRunner } from 'typeorm';

const COMMITMENT_KINDS = `'udo_trajectory', 'bofv_agreement', 'overhedenoverleg_agreement',
  'rob_recommendation', 'parliamentary_pledge', 'agenda_item'`;

/**
 * Tracking (DESIGN §2): commitments with their parties, references and lineage; actions with
 * partners, sub-actions and the three axes (status, health, verification); the append-only
 * progress timeline; comments with partner positions.
 */
export class CreateTracking1795424400000 implements MigrationInterface {
  name = 'CreateTracking1795424400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "commitments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "kind" varchar(40) NOT NULL,
        "title" varchar(300) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "date_agreed" date,
        "attributes" jsonb NOT NULL DEFAULT '{}',
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_commitments" PRIMARY KEY ("id"),
        CONSTRAINT "fk_commitments_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id"),
        CONSTRAINT "ck_commitments_kind" CHECK ("kind" IN (${COMMITMENT_KINDS})),
        CONSTRAINT "ck_commitments_attributes" CHECK (jsonb_typeof("attributes") = 'object'),
        CONSTRAINT "ck_commitments_version" CHECK ("version" >= 1)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_commitments_programme" ON "commitments" ("programme_id", "kind", "created_at", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "commitment_parties" (
        "commitment_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        CONSTRAINT "pk_commitment_parties" PRIMARY KEY ("commitment_id", "organisation_id"),
        CONSTRAINT "fk_commitment_parties_commitment" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_commitment_parties_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_commitment_parties_organisation" ON "commitment_parties" ("organisation_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "commitment_references" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "commitment_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "document" varchar(300) NOT NULL,
        "kamerstuk" varchar(40),
        "date" date,
        "url" varchar(2000),
        CONSTRAINT "pk_commitment_references" PRIMARY KEY ("id"),
        CONSTRAINT "uq_commitment_references_position" UNIQUE ("commitment_id", "position"),
        CONSTRAINT "fk_commitment_references_commitment" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_commitment_references_kamerstuk" CHECK ("kamerstuk" IS NULL OR "kamerstuk" ~ '^[0-9]{2,6}(-[A-Z0-9]{1,10}){1,3}$'),
        CONSTRAINT "ck_commitment_references_url" CHECK ("url" IS NULL OR "url" ~ '^https?://')
      )`);
    await queryRunner.query(`
      CREATE TABLE "commitment_lineage" (
        "commitment_id" uuid NOT NULL,
        "earlier_commitment_id" uuid NOT NULL,
        "relation" varchar(20) NOT NULL,
        CONSTRAINT "pk_commitment_lineage" PRIMARY KEY ("commitment_id", "earlier_commitment_id"),
        CONSTRAINT "fk_commitment_lineage_commitment" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_commitment_lineage_earlier" FOREIGN KEY ("earlier_commitment_id") REFERENCES "commitments" ("id"),
        CONSTRAINT "ck_commitment_lineage_relation" CHECK ("relation" IN ('repeats', 'supplements', 'amends')),
        CONSTRAINT "ck_commitment_lineage_self" CHECK ("commitment_id" <> "earlier_commitment_id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_commitment_lineage_earlier" ON "commitment_lineage" ("earlier_commitment_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "actions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "track_id" uuid,
        "commitment_id" uuid,
        "parent_action_id" uuid,
        "title" varchar(300) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "owner_organisation_id" uuid NOT NULL,
        "owner_user_id" uuid,
        "start_date" date,
        "deadline" date NOT NULL,
        "status" varchar(20) NOT NULL DEFAULT 'not_started',
        "health" varchar(20) NOT NULL DEFAULT 'not_set',
        "verification" varchar(20) NOT NULL DEFAULT 'self_reported',
        "percent_complete" smallint NOT NULL DEFAULT 0,
        "escalation_level" varchar(20),
        "closed_at" timestamptz,
        "tags" text[] NOT NULL DEFAULT '{}',
        "latest_narrative" text,
        "search" tsvector GENERATED ALWAYS AS (
          setweight(to_tsvector('dutch'::regconfig, "title"), 'A') ||
          setweight(to_tsvector('dutch'::regconfig, "description"), 'B') ||
          setweight(to_tsvector('dutch'::regconfig, coalesce("latest_narrative", '')), 'C')
        ) STORED,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_actions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_actions_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id"),
        CONSTRAINT "fk_actions_track" FOREIGN KEY ("track_id") REFERENCES "tracks" ("id"),
        CONSTRAINT "fk_actions_commitment" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id"),
        CONSTRAINT "fk_actions_parent" FOREIGN KEY ("parent_action_id") REFERENCES "actions" ("id"),
        CONSTRAINT "fk_actions_owner_organisation" FOREIGN KEY ("owner_organisation_id") REFERENCES "organisations" ("id"),
        CONSTRAINT "fk_actions_owner_user" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id"),
        CONSTRAINT "ck_actions_status" CHECK ("status" IN ('not_started', 'in_progress', 'met', 'partially_met', 'lapsed')),
        CONSTRAINT "ck_actions_health" CHECK ("health" IN ('not_set', 'on_track', 'at_risk', 'off_track')),
        CONSTRAINT "ck_actions_verification" CHECK ("verification" IN ('self_reported', 'partner_reviewed', 'verified')),
        CONSTRAINT "ck_actions_escalation_level" CHECK ("escalation_level" IS NULL OR "escalation_level" IN ('official', 'administrative', 'overhedenoverleg')),
        CONSTRAINT "ck_actions_percent" CHECK ("percent_complete" BETWEEN 0 AND 100),
        CONSTRAINT "ck_actions_closed" CHECK (("status" IN ('met', 'partially_met', 'lapsed')) = ("closed_at" IS NOT NULL)),
        CONSTRAINT "ck_actions_dates" CHECK ("start_date" IS NULL OR "start_date" <= "deadline"),
        CONSTRAINT "ck_actions_parent_self" CHECK ("parent_action_id" IS NULL OR "parent_action_id" <> "id"),
        CONSTRAINT "ck_actions_version" CHECK ("version" >= 1)
      )`);
    // The list's sorts, each with the id as tiebreaker (ORDER BY must qualify the columns).
    for (const [name, columns] of [
      ['deadline', '"programme_id", "deadline", "id"'],
      ['updated_at', '"programme_id", "updated_at", "id"'],
      ['title', '"programme_id", lower("title"), "id"'],
      ['owner_organisation', '"owner_organisation_id"'],
      ['commitment', '"commitment_id"'],
      ['parent', '"parent_action_id"'],
      ['track', '"track_id"'],
    ]) {
      await queryRunner.query(`CREATE INDEX "ix_actions_${name}" ON "actions" (${columns})`);
    }
    await queryRunner.query(`CREATE INDEX "ix_actions_search" ON "actions" USING gin ("search")`);
    await queryRunner.query(`CREATE INDEX "ix_actions_tags" ON "actions" USING gin ("tags")`);

    await queryRunner.query(`
      CREATE TABLE "action_partners" (
        "action_id" uuid NOT NULL,
        "organisation_id" uuid NOT NULL,
        "role" varchar(20) NOT NULL,
        CONSTRAINT "pk_action_partners" PRIMARY KEY ("action_id", "organisation_id"),
        CONSTRAINT "fk_action_partners_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_action_partners_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id"),
        CONSTRAINT "ck_action_partners_role" CHECK ("role" IN ('co_owner', 'contributor', 'informed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_action_partners_organisation" ON "action_partners" ("organisation_id", "action_id")`,
    );

    await queryRunner.query(`
      CREATE TABLE "progress_updates" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "action_id" uuid NOT NULL,
        "kind" varchar(30) NOT NULL DEFAULT 'progress',
        "author_user_id" uuid,
        "author_organisation_id" uuid,
        "status" varchar(20),
        "health" varchar(20),
        "percent_complete" smallint,
        "narrative" text,
        "reason" text,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_progress_updates" PRIMARY KEY ("id"),
        CONSTRAINT "fk_progress_updates_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id"),
        CONSTRAINT "fk_progress_updates_author" FOREIGN KEY ("author_user_id") REFERENCES "users" ("id"),
        CONSTRAINT "ck_progress_updates_kind" CHECK ("kind" ~ '^[a-z][a-z_]*$'),
        CONSTRAINT "ck_progress_updates_percent" CHECK ("percent_complete" IS NULL OR "percent_complete" BETWEEN 0 AND 100)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_progress_updates_action" ON "progress_updates" ("action_id", "created_at", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "comments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "action_id" uuid NOT NULL,
        "author_user_id" uuid NOT NULL,
        "author_organisation_id" uuid NOT NULL,
        "body" text NOT NULL,
        "position" varchar(20),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_comments" PRIMARY KEY ("id"),
        CONSTRAINT "fk_comments_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id"),
        CONSTRAINT "fk_comments_author" FOREIGN KEY ("author_user_id") REFERENCES "users" ("id"),
        CONSTRAINT "fk_comments_organisation" FOREIGN KEY ("author_organisation_id") REFERENCES "organisations" ("id"),
        CONSTRAINT "ck_comments_position" CHECK ("position" IS NULL OR "position" IN ('supports', 'concerns', 'objects'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_comments_action" ON "comments" ("action_id", "created_at", "id")`,
    );

    // The timeline and the reviews are append-only, like the audit log.
    await queryRunner.query(`
      CREATE FUNCTION "tracking_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION '% is append-only: % is not allowed', TG_TABLE_NAME, TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    for (const table of ['progress_updates', 'comments']) {
      await queryRunner.query(`
        CREATE TRIGGER "trg_${table}_append_only" BEFORE UPDATE OR DELETE ON "${table}"
        FOR EACH ROW EXECUTE FUNCTION "tracking_reject_change"()`);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'comments',
      'progress_updates',
      'action_partners',
      'actions',
      'commitment_lineage',
      'commitment_references',
      'commitment_parties',
      'commitments',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
    await queryRunner.query(`DROP FUNCTION "tracking_reject_change"()`);
  }
}
