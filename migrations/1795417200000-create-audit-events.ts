import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The audit log (DESIGN §5): append-only, enforced by the database. Row triggers refuse
 * UPDATE and DELETE, a statement trigger refuses TRUNCATE, and every role other than the
 * owner loses the privilege to do any of the three (README "Audit log", two-role set-up).
 * The chain head is the one row every audited write locks to take the next sequence number.
 */
export class CreateAuditEvents1795417200000 implements MigrationInterface {
  name = 'CreateAuditEvents1795417200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "audit_events" (
        "sequence" bigint NOT NULL,
        "occurred_at" timestamptz NOT NULL,
        "actor_type" varchar(20) NOT NULL,
        "actor_id" uuid,
        "actor_organisation_id" uuid,
        "client_address" varchar(64),
        "user_agent" varchar(256),
        "request_id" varchar(128),
        "trace_id" char(32),
        "operation" varchar(40) NOT NULL,
        "result" varchar(10) NOT NULL,
        "entity_type" varchar(40) NOT NULL,
        "entity_id" varchar(200),
        "programme_id" uuid,
        "changes" jsonb,
        "details" jsonb,
        "prev_hash" char(64) NOT NULL,
        "hash" char(64) NOT NULL,
        CONSTRAINT "pk_audit_events" PRIMARY KEY ("sequence"),
        CONSTRAINT "uq_audit_events_prev_hash" UNIQUE ("prev_hash"),
        CONSTRAINT "ck_audit_events_sequence" CHECK ("sequence" >= 1),
        CONSTRAINT "ck_audit_events_actor_type"
          CHECK ("actor_type" IN ('user', 'api_token', 'system', 'anonymous')),
        CONSTRAINT "ck_audit_events_result" CHECK ("result" IN ('success', 'failure', 'denied')),
        CONSTRAINT "ck_audit_events_operation" CHECK ("operation" ~ '^[a-z][a-z_]*$'),
        CONSTRAINT "ck_audit_events_entity_type" CHECK ("entity_type" ~ '^[a-z][a-z_]*$'),
        CONSTRAINT "ck_audit_events_changes_object"
          CHECK ("changes" IS NULL OR jsonb_typeof("changes") = 'object'),
        CONSTRAINT "ck_audit_events_details_object"
          CHECK ("details" IS NULL OR jsonb_typeof("details") = 'object')
      )`);
    // Filters of GET /v1/audit-events, each newest first by sequence (the keyset).
    for (const [name, column] of [
      ['entity', '"entity_type", "entity_id"'],
      ['actor', '"actor_id"'],
      ['organisation', '"actor_organisation_id"'],
      ['programme', '"programme_id"'],
      ['operation', '"operation"'],
      ['occurred_at', '"occurred_at"'],
    ]) {
      await queryRunner.query(
        `CREATE INDEX "ix_audit_events_${name}" ON "audit_events" (${column}, "sequence")`,
      );
    }

    await queryRunner.query(`
      CREATE TABLE "audit_chain_head" (
        "id" boolean NOT NULL DEFAULT true,
        "sequence" bigint NOT NULL,
        "hash" char(64) NOT NULL,
        CONSTRAINT "pk_audit_chain_head" PRIMARY KEY ("id"),
        CONSTRAINT "ck_audit_chain_head_single" CHECK ("id")
      )`);
    await queryRunner.query(
      `INSERT INTO "audit_chain_head" ("id", "sequence", "hash") VALUES (true, 0, repeat('0', 64))`,
    );

    await queryRunner.query(`
      CREATE FUNCTION "audit_events_reject_change"() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_events is append-only: % is not allowed', TG_OP
          USING ERRCODE = 'insufficient_privilege';
      END
      $$`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_audit_events_no_update_delete"
      BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION "audit_events_reject_change"()`);
    await queryRunner.query(`
      CREATE TRIGGER "trg_audit_events_no_truncate"
      BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION "audit_events_reject_change"()`);

    // Roles that got privileges through ALTER DEFAULT PRIVILEGES keep only SELECT and INSERT.
    await queryRunner.query(`
      DO $$
      DECLARE grantee text;
      BEGIN
        FOR grantee IN
          SELECT DISTINCT g.grantee FROM information_schema.role_table_grants g
          WHERE g.table_schema = current_schema() AND g.table_name = 'audit_events'
            AND g.grantee <> (SELECT tableowner FROM pg_tables
                              WHERE schemaname = current_schema() AND tablename = 'audit_events')
        LOOP
          EXECUTE format(
            'REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_events" FROM %I',
            grantee);
        END LOOP;
      END
      $$`);
    await queryRunner.query(
      `REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "audit_events" FROM PUBLIC`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "audit_chain_head"`);
    await queryRunner.query(`DROP TABLE "audit_events"`);
    await queryRunner.query(`DROP FUNCTION "audit_events_reject_change"()`);
  }
}
