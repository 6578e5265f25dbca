import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks: the deliveries that are done with (delivered or failed) by when they were made,
 * so the hourly purge of those older than 30 days reads only them instead of the whole log
 * (a month of deliveries: millions of rows at a busy integrator).
 */
export class WebhookDeliveriesPurgeIndex1795510200000 implements MigrationInterface {
  name = 'WebhookDeliveriesPurgeIndex1795510200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_done" ON "webhook_deliveries" ("created_at")
         WHERE "state" <> 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_webhook_deliveries_done"`);
  }
}
