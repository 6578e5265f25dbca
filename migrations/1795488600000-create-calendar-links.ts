import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Calendar links (issue 21, part 2): a personal, read-only, revocable address of a
 * programme's deadlines feed with a random secret in the path, for calendar apps that cannot
 * send any credential (Google Calendar, Outlook on the web). Only the secret's SHA-256 is
 * stored; the link works for its owner's feed of that one programme, while they are a member.
 */
export class CreateCalendarLinks1795488600000 implements MigrationInterface {
  name = 'CreateCalendarLinks1795488600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "calendar_links" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "programme_id" uuid NOT NULL,
        "name" varchar(100) NOT NULL,
        "token_hash" char(64) NOT NULL,
        "token_prefix" varchar(12) NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "last_used_at" timestamptz,
        "revoked_at" timestamptz,
        CONSTRAINT "pk_calendar_links" PRIMARY KEY ("id"),
        CONSTRAINT "uq_calendar_links_hash" UNIQUE ("token_hash"),
        CONSTRAINT "fk_calendar_links_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_calendar_links_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_calendar_links_name" CHECK (char_length(btrim("name")) BETWEEN 1 AND 100)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_calendar_links_user" ON "calendar_links" ("user_id", "created_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "calendar_links"`);
  }
}
