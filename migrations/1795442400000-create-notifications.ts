import type { MigrationInterface, QueryRunner } from 'typeorm';

const KINDS = `'deadline_upcoming', 'deadline_today', 'overdue', 'stale', 'update_request',
  'update_reminder', 'escalation', 'de_escalation', 'status_changed', 'assigned',
  'partner_position', 'mention'`;

/**
 * Notifications (issue 6): in-app notifications, one per person and cause; e-mail deliveries,
 * one per notification and channel (the delivery key); daily digests, one per person and day;
 * and each person's preferences.
 */
export class CreateNotifications1795442400000 implements MigrationInterface {
  name = 'CreateNotifications1795442400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "notification_preferences" (
        "user_id" uuid NOT NULL,
        "email_kinds" text[] NOT NULL,
        "digest" boolean,
        "language" varchar(2) NOT NULL DEFAULT 'nl',
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_notification_preferences" PRIMARY KEY ("user_id"),
        CONSTRAINT "fk_notification_preferences_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_notification_preferences_kinds" CHECK ("email_kinds" <@ ARRAY[${KINDS}]::text[]),
        CONSTRAINT "ck_notification_preferences_language" CHECK ("language" IN ('nl', 'en'))
      )`);
    await queryRunner.query(`
      CREATE TABLE "notifications" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "programme_id" uuid,
        "action_id" uuid,
        "kind" varchar(30) NOT NULL,
        "source_key" varchar(200) NOT NULL,
        "reason" varchar(30) NOT NULL,
        "payload" jsonb NOT NULL DEFAULT '{}',
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "read_at" timestamptz,
        CONSTRAINT "pk_notifications" PRIMARY KEY ("id"),
        CONSTRAINT "uq_notifications_source" UNIQUE ("user_id", "source_key"),
        CONSTRAINT "fk_notifications_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_notifications_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_notifications_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id"),
        CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${KINDS})),
        CONSTRAINT "ck_notifications_payload" CHECK (jsonb_typeof("payload") = 'object')
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_user" ON "notifications" ("user_id", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_unread" ON "notifications" ("user_id") WHERE "read_at" IS NULL`,
    );
    // A reminder job that runs again finds the notifications of its rows by cause.
    await queryRunner.query(
      `CREATE INDEX "ix_notifications_source" ON "notifications" ("source_key")`,
    );
    await queryRunner.query(`
      CREATE TABLE "email_digests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "user_id" uuid NOT NULL,
        "digest_date" date NOT NULL,
        "send_at" timestamptz NOT NULL,
        "state" varchar(20) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" varchar(500),
        "sent_at" timestamptz,
        "message_id" varchar(300),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_email_digests" PRIMARY KEY ("id"),
        CONSTRAINT "uq_email_digests_user_date" UNIQUE ("user_id", "digest_date"),
        CONSTRAINT "fk_email_digests_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_email_digests_state" CHECK ("state" IN ('pending', 'sent', 'failed', 'skipped'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_email_digests_pending" ON "email_digests" ("send_at") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(`
      CREATE TABLE "email_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "notification_id" uuid NOT NULL,
        "channel" varchar(10) NOT NULL DEFAULT 'email',
        "user_id" uuid NOT NULL,
        "programme_id" uuid,
        "digest_id" uuid,
        "state" varchar(20) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" varchar(500),
        "sent_at" timestamptz,
        "message_id" varchar(300),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_email_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_email_deliveries_key" UNIQUE ("notification_id", "channel"),
        CONSTRAINT "fk_email_deliveries_notification" FOREIGN KEY ("notification_id") REFERENCES "notifications" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_email_deliveries_user" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_email_deliveries_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_email_deliveries_digest" FOREIGN KEY ("digest_id") REFERENCES "email_digests" ("id"),
        CONSTRAINT "ck_email_deliveries_channel" CHECK ("channel" IN ('email')),
        CONSTRAINT "ck_email_deliveries_state" CHECK ("state" IN ('pending', 'sent', 'failed', 'skipped')),
        CONSTRAINT "ck_email_deliveries_sent" CHECK (("state" = 'sent') = ("sent_at" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_email_deliveries_pending" ON "email_deliveries" ("created_at") WHERE "state" = 'pending' AND "digest_id" IS NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_deliveries_digest" ON "email_deliveries" ("digest_id") WHERE "digest_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_email_deliveries_programme" ON "email_deliveries" ("programme_id", "state", "created_at", "id")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'email_deliveries',
      'email_digests',
      'notifications',
      'notification_preferences',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
