import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Evidence attachments (issue 21, part 3): files of an action or a commitment, their bytes in
 * the file storage (local disk or S3) under `storage_key`, their SHA-256 here and in the audit
 * event of the upload. Deleting one is a soft delete (`deleted_at`): it stays in the history.
 */
export class CreateAttachments1795495800000 implements MigrationInterface {
  name = 'CreateAttachments1795495800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "attachments" (
        "id" uuid NOT NULL,
        "programme_id" uuid NOT NULL,
        "action_id" uuid,
        "commitment_id" uuid,
        "filename" varchar(200) NOT NULL,
        "content_type" varchar(100) NOT NULL,
        "size_bytes" bigint NOT NULL,
        "sha256" char(64) NOT NULL,
        "storage_key" varchar(200) NOT NULL,
        "description" varchar(500) NOT NULL DEFAULT '',
        "uploaded_by_user_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "deleted_at" timestamptz,
        "deleted_by_user_id" uuid,
        CONSTRAINT "pk_attachments" PRIMARY KEY ("id"),
        CONSTRAINT "fk_attachments_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_attachments_action" FOREIGN KEY ("action_id") REFERENCES "actions" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_attachments_commitment" FOREIGN KEY ("commitment_id") REFERENCES "commitments" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_attachments_uploader" FOREIGN KEY ("uploaded_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
        CONSTRAINT "fk_attachments_deleter" FOREIGN KEY ("deleted_by_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
        CONSTRAINT "ck_attachments_subject" CHECK (("action_id" IS NULL) <> ("commitment_id" IS NULL)),
        CONSTRAINT "ck_attachments_size" CHECK ("size_bytes" > 0),
        CONSTRAINT "ck_attachments_sha256" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
        CONSTRAINT "uq_attachments_storage_key" UNIQUE ("storage_key")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_attachments_action" ON "attachments" ("action_id", "created_at") WHERE "action_id" IS NOT NULL`,
    );
    await queryRunner.query(
      `CREATE INDEX "ix_attachments_commitment" ON "attachments" ("commitment_id", "created_at") WHERE "commitment_id" IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "attachments"`);
  }
}
