import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `Idempotency-Key` (DESIGN §4, issue 16): a creating POST sent again with the same key by
 * the same caller is answered with the first answer instead of creating twice. The row is
 * written in the transaction that creates, so a key never outlives a rolled-back change and
 * a committed change never lacks its key; the response is added right after the commit.
 */
export class CreateIdempotencyKeys1795460400000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1795460400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        -- Who sent it: "user:<id>" or "api_token:<id>".
        "principal" varchar(80) NOT NULL,
        -- The method and path the key was used on: a key is scoped to one route.
        "route" varchar(300) NOT NULL,
        "key" varchar(255) NOT NULL,
        -- HMAC-SHA256 (a server key) of the method, path, query and canonical JSON body.
        "fingerprint" char(64) NOT NULL,
        "created_at" timestamptz NOT NULL,
        "expires_at" timestamptz NOT NULL,
        -- The first answer, stored just after its commit; NULL until then.
        "status" smallint,
        "headers" jsonb,
        "body" jsonb,
        CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("principal", "route", "key"),
        CONSTRAINT "ck_idempotency_keys_status" CHECK ("status" IS NULL OR "status" BETWEEN 200 AND 299),
        CONSTRAINT "ck_idempotency_keys_response" CHECK (("status" IS NULL) = ("headers" IS NULL))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_idempotency_keys_expires" ON "idempotency_keys" ("expires_at")`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
  }
}
