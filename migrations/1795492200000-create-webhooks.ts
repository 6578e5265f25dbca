import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'deadline_upcoming', 'deadline_today', 'overdue', 'stale', 'update_request',
  'update_reminder', 'escalation', 'de_escalation', 'status_changed', 'assigned',
  'partner_position', 'mention', 'report_ready'`;
const KINDS = `${OLD_KINDS}, 'webhook_disabled'`;

/**
 * Webhooks (issue 21, part 1): a programme's subscriptions, each with its signing secrets
 * (encrypted, AES-256-GCM; the previous one valid for a while after a rotation), the
 * deliveries the worker makes of the events it reads from the audit log, and the log's
 * position up to which every event was fanned out. A notification kind tells a
 * subscription's owner that it was switched off after a day of failed deliveries.
 */
export class CreateWebhooks1795492200000 implements MigrationInterface {
  name = 'CreateWebhooks1795492200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_subscriptions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "url" varchar(2000) NOT NULL,
        "description" varchar(200) NOT NULL DEFAULT '',
        "event_types" text[] NOT NULL,
        "track_ids" uuid[] NOT NULL DEFAULT '{}',
        "organisation_ids" uuid[] NOT NULL DEFAULT '{}',
        "enabled" boolean NOT NULL DEFAULT true,
        "disabled_reason" varchar(500),
        "secret" bytea NOT NULL,
        "previous_secret" bytea,
        "previous_secret_expires_at" timestamptz,
        "from_sequence" bigint NOT NULL,
        "owner_user_id" uuid NOT NULL,
        "api_token_id" uuid,
        "version" integer NOT NULL DEFAULT 1,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "last_delivery_at" timestamptz,
        "last_success_at" timestamptz,
        CONSTRAINT "pk_webhook_subscriptions" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhook_subscriptions_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_webhook_subscriptions_owner" FOREIGN KEY ("owner_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_webhook_subscriptions_types" CHECK (cardinality("event_types") BETWEEN 1 AND 50)
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_subscriptions_programme" ON "webhook_subscriptions" ("programme_id", "created_at")`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subscription_id" uuid NOT NULL,
        "event_id" uuid NOT NULL,
        "event_type" varchar(100) NOT NULL,
        "subject" varchar(200) NOT NULL,
        "sequence" bigint NOT NULL,
        "ordinal" smallint NOT NULL DEFAULT 0,
        "event" jsonb NOT NULL,
        "state" varchar(20) NOT NULL DEFAULT 'pending',
        "attempts" integer NOT NULL DEFAULT 0,
        "next_attempt_at" timestamptz NOT NULL DEFAULT now(),
        "locked_until" timestamptz,
        "last_attempt_at" timestamptz,
        "last_status_code" integer,
        "last_duration_ms" integer,
        "last_error" varchar(500),
        "response_excerpt" varchar(500),
        "delivered_at" timestamptz,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_webhook_deliveries_event" UNIQUE ("subscription_id", "event_id"),
        CONSTRAINT "fk_webhook_deliveries_subscription" FOREIGN KEY ("subscription_id") REFERENCES "webhook_subscriptions" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_webhook_deliveries_state" CHECK ("state" IN ('pending', 'delivered', 'failed'))
      )`);
    // The next delivery of each subject: what the sender looks through, in order.
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_pending" ON "webhook_deliveries"
         ("subscription_id", "subject", "sequence", "ordinal") WHERE "state" = 'pending'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_log" ON "webhook_deliveries" ("subscription_id", "created_at" DESC, "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "webhook_fanout_cursor" (
        "id" smallint NOT NULL DEFAULT 1,
        "sequence" bigint NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_webhook_fanout_cursor" PRIMARY KEY ("id"),
        CONSTRAINT "ck_webhook_fanout_cursor_one" CHECK ("id" = 1)
      )`);
    // Events before webhooks existed are not sent: the cursor starts at the log's head.
    await queryRunner.query(
      `INSERT INTO "webhook_fanout_cursor" ("sequence")
       SELECT coalesce(max("sequence"), 0) FROM "audit_events"`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind",
         ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${KINDS}))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "ck_notification_preferences_kinds",
         ADD CONSTRAINT "ck_notification_preferences_kinds" CHECK ("email_kinds" <@ ARRAY[${KINDS}]::text[])`,
    );
    await queryRunner.query(
      `UPDATE "notification_preferences" SET "email_kinds" = "email_kinds" || ARRAY['webhook_disabled']
        WHERE "email_kinds" @> ARRAY[${OLD_KINDS}]::text[]`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'webhook_disabled'`);
    await queryRunner.query(
      `UPDATE "notification_preferences" SET "email_kinds" = array_remove("email_kinds", 'webhook_disabled')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "ck_notification_preferences_kinds",
         ADD CONSTRAINT "ck_notification_preferences_kinds" CHECK ("email_kinds" <@ ARRAY[${OLD_KINDS}]::text[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind",
         ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${OLD_KINDS}))`,
    );
    await queryRunner.query(`DROP TABLE "webhook_fanout_cursor"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_subscriptions"`);
  }
}
