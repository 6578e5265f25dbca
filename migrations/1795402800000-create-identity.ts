import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateIdentity1795402800000 implements MigrationInterface {
  name = 'CreateIdentity1795402800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "organisations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "code" varchar(16) NOT NULL,
        "name" varchar(200) NOT NULL,
        "kind" varchar(20) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_organisations" PRIMARY KEY ("id"),
        CONSTRAINT "uq_organisations_code" UNIQUE ("code"),
        CONSTRAINT "ck_organisations_code" CHECK ("code" ~ '^[A-Z][A-Z0-9-]{1,15}$'),
        CONSTRAINT "ck_organisations_kind" CHECK ("kind" IN ('ministry', 'association', 'municipality',
          'province', 'water_board', 'advisory_council', 'other'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" varchar(254) NOT NULL,
        "display_name" varchar(200) NOT NULL,
        "organisation_id" uuid NOT NULL,
        "password_hash" text,
        "is_active" boolean NOT NULL DEFAULT true,
        "is_platform_admin" boolean NOT NULL DEFAULT false,
        "last_login_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_users" PRIMARY KEY ("id"),
        CONSTRAINT "fk_users_organisation" FOREIGN KEY ("organisation_id") REFERENCES "organisations" ("id"),
        CONSTRAINT "ck_users_email_lower" CHECK ("email" = lower("email"))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_email" ON "users" ("email")`);
    await queryRunner.query(`CREATE INDEX "ix_users_organisation" ON "users" ("organisation_id")`);
    await queryRunner.query(`
      CREATE TABLE "programmes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" varchar(200) NOT NULL,
        "slug" varchar(80) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "start_date" date,
        "end_date" date,
        "status" varchar(20) NOT NULL DEFAULT 'active',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_programmes" PRIMARY KEY ("id"),
        CONSTRAINT "uq_programmes_slug" UNIQUE ("slug"),
        CONSTRAINT "ck_programmes_slug" CHECK ("slug" ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
        CONSTRAINT "ck_programmes_status" CHECK ("status" IN ('draft', 'active', 'closed')),
        CONSTRAINT "ck_programmes_dates" CHECK ("end_date" IS NULL OR "start_date" IS NULL OR "end_date" >= "start_date")
      )`);
    await queryRunner.query(`
      CREATE TABLE "tracks" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "name" varchar(200) NOT NULL,
        "description" text NOT NULL DEFAULT '',
        "position" integer NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_tracks" PRIMARY KEY ("id"),
        CONSTRAINT "fk_tracks_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_tracks_position" CHECK ("position" >= 0)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_tracks_programme" ON "tracks" ("programme_id", "position")`,
    );
    await queryRunner.query(`
      CREATE TABLE "memberships" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "role" varchar(20) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_memberships" PRIMARY KEY ("id"),
        CONSTRAINT "uq_memberships_programme_user" UNIQUE ("programme_id", "user_id"),
        CONSTRAINT "fk_memberships_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_memberships_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_memberships_role" CHECK ("role" IN ('coordinator', 'editor', 'liaison', 'viewer'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_memberships_user" ON "memberships" ("user_id")`);
    await queryRunner.query(`
      CREATE TABLE "refresh_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "family_id" uuid NOT NULL,
        "token_hash" char(64) NOT NULL,
        "expires_at" timestamptz NOT NULL,
        "used_at" timestamptz,
        "revoked_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_refresh_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_refresh_tokens_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_refresh_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_family" ON "refresh_tokens" ("family_id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_refresh_tokens_user" ON "refresh_tokens" ("user_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "api_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "programme_id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "scope" varchar(10) NOT NULL,
        "token_hash" char(64) NOT NULL,
        "token_prefix" varchar(16) NOT NULL,
        "expires_at" timestamptz,
        "revoked_at" timestamptz,
        "last_used_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_api_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "uq_api_tokens_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_api_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_api_tokens_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_api_tokens_scope" CHECK ("scope" IN ('read', 'write'))
      )`);
    await queryRunner.query(`CREATE INDEX "ix_api_tokens_user" ON "api_tokens" ("user_id")`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'api_tokens',
      'refresh_tokens',
      'memberships',
      'tracks',
      'programmes',
      'users',
      'organisations',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
