import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Webhooks (issue 21, part 7): the pending deliveries of a subscription in the order the
 * sender takes them (when due, then the log's order), so that a claim walks only as far as it
 * takes deliveries instead of reading and sorting the whole backlog on every call.
 */
export class WebhookDeliveriesDueIndex1795503000000 implements MigrationInterface {
  name = 'WebhookDeliveriesDueIndex1795503000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE INDEX "ix_webhook_deliveries_due" ON "webhook_deliveries"
         ("subscription_id", "next_attempt_at", "sequence", "ordinal") WHERE "state" = 'pending'`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_webhook_deliveries_due"`);
  }
}
