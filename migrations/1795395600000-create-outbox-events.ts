import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutboxEvents1795395600000 implements MigrationInterface {
  name = 'CreateOutboxEvents1795395600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "outbox_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "type" varchar(100) NOT NULL,
        "payload" jsonb NOT NULL,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "available_at" timestamptz NOT NULL DEFAULT now(),
        "published_at" timestamptz,
        "attempts" integer NOT NULL DEFAULT 0,
        "last_error" text,
        CONSTRAINT "pk_outbox_events" PRIMARY KEY ("id"),
        CONSTRAINT "ck_outbox_events_attempts" CHECK ("attempts" >= 0),
        CONSTRAINT "ck_outbox_events_payload_object" CHECK (jsonb_typeof("payload") = 'object')
      )`);
    await queryRunner.query(`
      CREATE INDEX "ix_outbox_events_pending" ON "outbox_events" ("available_at", "created_at")
      WHERE "published_at" IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "outbox_events"`);
  }
}
