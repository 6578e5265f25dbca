import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Spreadsheet imports (issue 19): the uploaded file, the dry run's row per spreadsheet row,
 * and the programme's own references (kenmerken) that match a row to what it created.
 */
export class CreateImports1795474200000 implements MigrationInterface {
  name = 'CreateImports1795474200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "imports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "programme_id" uuid NOT NULL,
        "requester_user_id" uuid NOT NULL,
        "filename" varchar(200) NOT NULL,
        "size_bytes" integer NOT NULL,
        "lang" varchar(2) NOT NULL,
        "status" varchar(10) NOT NULL DEFAULT 'queued',
        -- Why the file could not be read at all (FileProblem), and where.
        "problem_code" varchar(40),
        "problem_where" jsonb,
        -- What the dry run ignored and says so: sheets and columns that are not ours.
        "notices" jsonb NOT NULL DEFAULT '[]',
        -- The dry run's rows per outcome, and the apply's per result.
        "counts" jsonb NOT NULL DEFAULT '{}',
        "results" jsonb NOT NULL DEFAULT '{}',
        "rows_total" integer NOT NULL DEFAULT 0,
        -- The apply's resume point: every row up to this position is done and recorded.
        "applied_through" integer NOT NULL DEFAULT 0,
        -- Each run of the worker is numbered; a run that was superseded stops.
        "runs" integer NOT NULL DEFAULT 0,
        "applier_user_id" uuid,
        "created_at" timestamptz NOT NULL DEFAULT now(),
        "planned_at" timestamptz,
        "apply_requested_at" timestamptz,
        "applied_at" timestamptz,
        "expires_at" timestamptz NOT NULL,
        CONSTRAINT "pk_imports" PRIMARY KEY ("id"),
        CONSTRAINT "fk_imports_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_imports_requester" FOREIGN KEY ("requester_user_id") REFERENCES "users" ("id") ON DELETE CASCADE,
        CONSTRAINT "fk_imports_applier" FOREIGN KEY ("applier_user_id") REFERENCES "users" ("id") ON DELETE SET NULL,
        CONSTRAINT "ck_imports_lang" CHECK ("lang" IN ('nl', 'en')),
        CONSTRAINT "ck_imports_status" CHECK ("status" IN ('queued', 'planning', 'planned', 'applying', 'applied', 'failed')),
        CONSTRAINT "ck_imports_counts" CHECK (jsonb_typeof("counts") = 'object' AND jsonb_typeof("results") = 'object')
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_imports_programme" ON "imports" ("programme_id", "created_at", "id")`,
    );
    await queryRunner.query(`CREATE INDEX "ix_imports_expires" ON "imports" ("expires_at")`);
    // The file as uploaded (at most IMPORT_MAX_BYTES), kept until the import expires; stored
    // as it is: an XLSX is compressed already.
    await queryRunner.query(`
      CREATE TABLE "import_files" (
        "import_id" uuid NOT NULL,
        "content" bytea NOT NULL,
        CONSTRAINT "pk_import_files" PRIMARY KEY ("import_id"),
        CONSTRAINT "fk_import_files_import" FOREIGN KEY ("import_id") REFERENCES "imports" ("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(
      `ALTER TABLE "import_files" ALTER COLUMN "content" SET STORAGE EXTERNAL`,
    );
    await queryRunner.query(`
      CREATE TABLE "import_rows" (
        "import_id" uuid NOT NULL,
        -- The order of the apply: the commitments sheet first, then the actions, in file order.
        "position" integer NOT NULL,
        "sheet" varchar(12) NOT NULL,
        "sheet_name" varchar(100) NOT NULL,
        "row_number" integer NOT NULL,
        "outcome" varchar(10) NOT NULL,
        -- The commitment or action: matched, or the id a row that creates will give it.
        "entity_id" uuid,
        -- Its version at the dry run: the apply changes it only while it is still at it.
        "base_version" integer,
        "title" varchar(300),
        "changes" jsonb,
        "conflicts" jsonb,
        "errors" jsonb,
        "plan" jsonb,
        "choice" varchar(5),
        "result" varchar(10),
        "result_detail" jsonb,
        CONSTRAINT "pk_import_rows" PRIMARY KEY ("import_id", "position"),
        CONSTRAINT "fk_import_rows_import" FOREIGN KEY ("import_id") REFERENCES "imports" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_import_rows_sheet" CHECK ("sheet" IN ('commitments', 'actions')),
        CONSTRAINT "ck_import_rows_outcome" CHECK ("outcome" IN ('create', 'update', 'unchanged', 'conflict', 'error')),
        CONSTRAINT "ck_import_rows_choice" CHECK ("choice" IS NULL OR ("choice" IN ('sheet', 'app') AND "outcome" = 'conflict')),
        CONSTRAINT "ck_import_rows_result" CHECK ("result" IN ('applied', 'kept', 'unchanged', 'skipped', 'failed'))
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_import_rows_outcome" ON "import_rows" ("import_id", "outcome", "position")`,
    );
    // A programme's own reference (kenmerk) of a commitment or action, as its spreadsheet
    // knows it: a row without a key but with a known reference is that commitment or action.
    await queryRunner.query(`
      CREATE TABLE "import_references" (
        "programme_id" uuid NOT NULL,
        "sheet" varchar(12) NOT NULL,
        "reference_key" varchar(100) NOT NULL,
        "reference" varchar(100) NOT NULL,
        "entity_id" uuid NOT NULL,
        CONSTRAINT "pk_import_references" PRIMARY KEY ("programme_id", "sheet", "reference_key"),
        CONSTRAINT "uq_import_references_entity" UNIQUE ("sheet", "entity_id"),
        CONSTRAINT "fk_import_references_programme" FOREIGN KEY ("programme_id") REFERENCES "programmes" ("id") ON DELETE CASCADE,
        CONSTRAINT "ck_import_references_sheet" CHECK ("sheet" IN ('commitments', 'actions'))
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_references"`);
    await queryRunner.query(`DROP TABLE "import_rows"`);
    await queryRunner.query(`DROP TABLE "import_files"`);
    await queryRunner.query(`DROP TABLE "imports"`);
  }
}
