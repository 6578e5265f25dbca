import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Who switched a webhook off, as a code the web app can put in words (`person` or
 * `deliveries_failed`), beside the English reason text.
 */
export class WebhookDisabledBy1795499400000 implements MigrationInterface {
  name = 'WebhookDisabledBy1795499400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE "webhook_subscriptions"
        ADD COLUMN "disabled_by" varchar(20),
        ADD CONSTRAINT "ck_webhook_subscriptions_disabled_by"
          CHECK ("disabled_by" IN ('person', 'deliveries_failed'))`);
    await queryRunner.query(`
      UPDATE "webhook_subscriptions"
         SET "disabled_by" = CASE WHEN "disabled_reason" LIKE 'Delivery %' THEN 'deliveries_failed'
                                  ELSE 'person' END
       WHERE NOT "enabled"`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "webhook_subscriptions" DROP COLUMN "disabled_by"`);
  }
}
