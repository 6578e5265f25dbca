import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reminders (issue 6): each programme's reminder policy, update rounds with the actions they
 * ask an update of, and the reminder rows, the source of truth of what is sent when: one per
 * action, kind and occasion (`basis` and `step`), so that no occasion is ever sent twice.
 */
export class CreateReminders1795446000000 implements MigrationInterface {
  name = 'CreateReminders1795446000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "reminder_policies" (
        "programme_id" uuid NOT NULL,
        "days_before" smallint[] NOT NULL,
        "on_deadline_day" boolean NOT NULL,
        "overdue_repeat_days" smallint,
        "stale_after_days" smallint,
        "update_round_reminder_days_before" smallint NOT NULL,
        "escalation" jsonb NOT NULL,
        "skip_weekends" boolean NOT NULL,
        "skip_holidays" boolean NOT NULL,
        "send_hour" smallint NOT NULL,
        "digest" boolean NOT NULL,
        "version" integer NOT NULL,
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT "pk_reminder_policies" PRIMARY KEY ("programme_id"),
        CONSTRAINT "fk_reminder_policies_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_reminder_policies_days_before" CHECK (cardinality("days_before") <= 10 AND 1 <= ALL("days_before") AND 365 >= ALL("days_before")),
        CONSTRAINT "ck_reminder_policies_overdue" CHECK ("overdue_repeat_days" IS NULL OR "overdue_repeat_days" BETWEEN 1 AND 365),
        CONSTRAINT "ck_reminder_policies_stale" CHECK ("stale_after_days" IS NULL OR "stale_after_days" BETWEEN 1 AND 365),
        CONSTRAINT "ck_reminder_policies_round" CHECK ("update_round_reminder_days_before" BETWEEN 0 AND 60),
        CONSTRAINT "ck_reminder_policies_escalation" CHECK (jsonb_typeof("escalation") = 'array'),
        CONSTRAINT "ck_reminder_policies_send_hour" CHECK ("send_hour" BETWEEN 0 AND 23),
        CONSTRAINT "ck_reminder_policies_version" CHECK ("version" >= 2)
      )`);
    await queryRunner.query(`
      CREATE TABLE "update_rounds" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "title" varchar(200) NOT NULL,
        "message" text NOT NULL DEFAULT '',
        "due_date" date NOT NULL,
        "filter" jsonb NOT NULL DEFAULT '{}',
        "state" varchar(20) NOT NULL DEFAULT 'open',
        "created_by_user_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "cancelled_at" timestamptz,
        CONSTRAINT "pk_update_rounds" PRIMARY KEY ("id"),
        CONSTRAINT "fk_update_rounds_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_update_rounds_creator" FOREIGN KEY ("created_by_user_id") REFERENCES "users" ("id"),
        CONSTRAINT "ck_update_rounds_state" CHECK ("state" IN ('open', 'cancelled')),
        CONSTRAINT "ck_update_rounds_cancelled" CHECK (("state" = 'cancelled') = ("cancelled_at" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_update_rounds_programme" ON "update_rounds" ("programme_id", "created_at", "id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "update_round_actions" (
        "round_id" uuid NOT NULL,
        "action_id" uuid NOT NULL,
        CONSTRAINT "pk_update_round_actions" PRIMARY KEY ("round_id", "action_id"),
        CONSTRAINT "fk_update_round_actions_round" FOREIGN KEY ("round_id") REFERENCES "update_rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_update_round_actions_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_update_round_actions_action" ON "update_round_actions" ("action_id")`,
    );
    await queryRunner.query(`
      CREATE TABLE "reminders" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "action_id" uuid NOT NULL,
        "kind" varchar(30) NOT NULL,
        "basis" varchar(100) NOT NULL,
        "step" varchar(30) NOT NULL,
        "due_at" timestamptz NOT NULL,
        "recipient_user_ids" uuid[] NOT NULL,
        "update_round_id" uuid,
        "state" varchar(20) NOT NULL DEFAULT 'scheduled',
        "state_reason" varchar(200),
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "updated_at" timestamptz NOT NULL DEFAULT now(),
        "sent_at" timestamptz,
        CONSTRAINT "pk_reminders" PRIMARY KEY ("id"),
        CONSTRAINT "uq_reminders_occasion" UNIQUE ("action_id", "kind", "basis", "step"),
        CONSTRAINT "fk_reminders_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_reminders_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id"),
        CONSTRAINT "fk_reminders_round" FOREIGN KEY ("update_round_id") REFERENCES "update_rounds" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_reminders_kind" CHECK ("kind" IN ('deadline_upcoming', 'deadline_today', 'overdue', 'stale', 'update_round', 'escalation')),
        CONSTRAINT "ck_reminders_state" CHECK ("state" IN ('scheduled', 'sent', 'cancelled', 'skipped')),
        CONSTRAINT "ck_reminders_sent" CHECK (("state" = 'sent') = ("sent_at" IS NOT NULL)),
        CONSTRAINT "ck_reminders_round" CHECK (("kind" = 'update_round') = ("update_round_id" IS NOT NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_due" ON "reminders" ("due_at", "id") WHERE "state" = 'scheduled'`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_programme" ON "reminders" ("programme_id", "due_at", "id")`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_reminders_round" ON "reminders" ("update_round_id") WHERE "update_round_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'reminders',
      'update_round_actions',
      'update_rounds',
      'reminder_policies',
    ]) {
      await queryRunner.query(`DROP TABLE "${table}"`);
    }
  }
}
