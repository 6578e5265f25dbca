import type { MigrationInterface, QueryRunner } from 'typeorm';

const OLD_KINDS = `'deadline_upcoming', 'deadline_today', 'overdue', 'stale', 'update_request',
  'update_reminder', 'escalation', 'de_escalation', 'status_changed', 'assigned',
  'partner_position', 'mention'`;
const KINDS = `${OLD_KINDS}, 'report_ready'`;

/**
 * A notification when a report export is ready (issue 18, item 7): the kind `report_ready`.
 * Whoever had chosen every kind by e-mail gets this one by e-mail too, as a person who never
 * chose does (the default is every kind).
 */
export class NotificationKindReportReady1795468000000 implements MigrationInterface {
  name = 'NotificationKindReportReady1795468000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind",
         ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${KINDS}))`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "ck_notification_preferences_kinds",
         ADD CONSTRAINT "ck_notification_preferences_kinds" CHECK ("email_kinds" <@ ARRAY[${KINDS}]::text[])`,
    );
    await queryRunner.query(
      `UPDATE "notification_preferences" SET "email_kinds" = "email_kinds" || ARRAY['report_ready']
        WHERE "email_kinds" @> ARRAY[${OLD_KINDS}]::text[]`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "notifications" WHERE "kind" = 'report_ready'`);
    await queryRunner.query(
      `UPDATE "notification_preferences" SET "email_kinds" = array_remove("email_kinds", 'report_ready')`,
    );
    await queryRunner.query(
      `ALTER TABLE "notification_preferences" DROP CONSTRAINT "ck_notification_preferences_kinds",
         ADD CONSTRAINT "ck_notification_preferences_kinds" CHECK ("email_kinds" <@ ARRAY[${OLD_KINDS}]::text[])`,
    );
    await queryRunner.query(
      `ALTER TABLE "notifications" DROP CONSTRAINT "ck_notifications_kind",
         ADD CONSTRAINT "ck_notifications_kind" CHECK ("kind" IN (${OLD_KINDS}))`,
    );
  }
}
