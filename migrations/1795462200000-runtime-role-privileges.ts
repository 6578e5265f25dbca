import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Least privilege (issue 16): the migrations run as the owner role, the API and the worker as
 * a runtime role that may read and write the rows of the application's tables and nothing
 * more. It owns nothing, so it cannot alter, drop or truncate a table or disable a trigger,
 * and it creates nothing. `grant_runtime_privileges(role)` is the one statement of what it
 * may do:
 *
 * - USAGE on the schema; SELECT, INSERT, UPDATE, DELETE on every table, except
 * - `audit_events`, `progress_updates`, `comments` (append-only): SELECT, INSERT;
 * - `audit_chain_head`: SELECT only. `audit_chain_advance`, which moves the head as every
 *   audited INSERT runs, becomes SECURITY DEFINER (the owner's rights, a fixed search_path),
 *   so the runtime role cannot move, fork or exhaust the head by a direct UPDATE;
 * - `typeorm_migrations`: SELECT (an API with MIGRATIONS_RUN sees nothing is pending);
 * - USAGE, SELECT on the sequences (not the migrations table's); EXECUTE on the functions;
 * - the same by default on what later migrations create (ALTER DEFAULT PRIVILEGES).
 *
 * Never TRUNCATE, REFERENCES or TRIGGER. It revokes first, so each run leaves exactly this,
 * and it refuses a runtime role that would not be bound by it (a superuser, a role that may
 * create roles, a member of the owner or of any role that owns a table here, an owner of
 * anything here). The runtime role's name comes from the migration
 * connection (`sbt.runtime_role`, set from DATABASE_URL's user when it differs from
 * MIGRATION_DATABASE_URL's); without it (one role) nothing is granted. `runMigrations` calls
 * the function again after every run, so a later switch to two roles needs only a migrate.
 *
 * A later migration whose table the runtime role may not change freely must add it here
 * (CREATE OR REPLACE FUNCTION); any other new table needs nothing.
 */
export class RuntimeRolePrivileges1795462200000 implements MigrationInterface {
  name = 'RuntimeRolePrivileges1795462200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE FUNCTION "grant_runtime_privileges"(runtime text) RETURNS void
      LANGUAGE plpgsql VOLATILE AS $$
      DECLARE
        migrator name := current_user;
        target name := current_schema();
        schema_oid oid := (SELECT n.oid FROM pg_namespace n WHERE n.nspname = current_schema());
        runtime_oid oid;
        here oid := (SELECT d.oid FROM pg_database d WHERE d.datname = current_database());
        item record;
      BEGIN
        SELECT r.oid INTO runtime_oid FROM pg_roles r WHERE r.rolname = runtime;
        IF NOT FOUND THEN
          RAISE EXCEPTION 'the runtime role "%" does not exist: create it first (CREATE ROLE ... LOGIN)', runtime;
        END IF;
        IF runtime = migrator THEN
          RAISE EXCEPTION 'the runtime role "%" is the migration role', runtime;
        END IF;
        IF (SELECT r.rolsuper FROM pg_roles r WHERE r.oid = runtime_oid) THEN
          RAISE EXCEPTION 'the runtime role "%" is a superuser: no privilege binds it', runtime;
        END IF;
        IF (SELECT r.rolcreaterole FROM pg_roles r WHERE r.oid = runtime_oid) THEN
          RAISE EXCEPTION 'the runtime role "%" may create roles (CREATEROLE): it could take on others'' rights',
            runtime;
        END IF;
        IF pg_has_role(runtime, migrator, 'MEMBER') THEN
          RAISE EXCEPTION 'the runtime role "%" is a member of the migration role "%": it would have the owner''s rights',
            runtime, migrator;
        END IF;
        IF EXISTS (
          SELECT 1 FROM pg_shdepend d
           WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = runtime_oid
             AND d.deptype = 'o'
             AND (d.dbid = here OR (d.classid = 'pg_database'::regclass AND d.objid = here))) THEN
          RAISE EXCEPTION 'the runtime role "%" owns objects in this database: move them to the migration role (REASSIGN OWNED BY "%" TO "%")',
            runtime, runtime, migrator;
        END IF;
        FOR item IN
          SELECT DISTINCT pg_get_userbyid(c.relowner) AS owner_name FROM pg_class c
           WHERE c.relnamespace = schema_oid AND pg_has_role(runtime, c.relowner, 'MEMBER')
        LOOP
          RAISE EXCEPTION 'the runtime role "%" is a member of "%", which owns tables here', runtime, item.owner_name;
        END LOOP;
        -- A GRANT on another role's table only warns: refuse instead of granting less.
        FOR item IN
          SELECT c.relname, pg_get_userbyid(c.relowner) AS owner_name FROM pg_class c
           WHERE c.relnamespace = schema_oid AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
             AND NOT pg_has_role(migrator, c.relowner, 'USAGE')
        LOOP
          RAISE EXCEPTION '"%" is owned by "%", not by the migration role "%": ALTER its owner first',
            item.relname, item.owner_name, migrator;
        END LOOP;

        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', target, runtime);
        EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', target, runtime);
        EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', target, runtime);
        EXECUTE format('REVOKE ALL ON ALL ROUTINES IN SCHEMA %I FROM %I', target, runtime);
        FOR item IN
          SELECT c.relname FROM pg_class c
           WHERE c.relnamespace = schema_oid AND c.relkind IN ('r', 'p')
        LOOP
          EXECUTE format('GRANT %s ON TABLE %I.%I TO %I',
            CASE item.relname
              WHEN 'audit_events' THEN 'SELECT, INSERT'
              WHEN 'progress_updates' THEN 'SELECT, INSERT'
              WHEN 'comments' THEN 'SELECT, INSERT'
              WHEN 'audit_chain_head' THEN 'SELECT'
              WHEN 'typeorm_migrations' THEN 'SELECT'
              ELSE 'SELECT, INSERT, UPDATE, DELETE'
            END,
            target, item.relname, runtime);
        END LOOP;
        FOR item IN
          SELECT s.relname FROM pg_class s
           WHERE s.relnamespace = schema_oid AND s.relkind = 'S'
             AND NOT EXISTS (
               SELECT 1 FROM pg_depend d JOIN pg_class t ON t.oid = d.refobjid
                WHERE d.classid = 'pg_class'::regclass AND d.objid = s.oid
                  AND d.refclassid = 'pg_class'::regclass AND t.relname = 'typeorm_migrations')
        LOOP
          EXECUTE format('GRANT USAGE, SELECT ON SEQUENCE %I.%I TO %I', target, item.relname, runtime);
        END LOOP;
        EXECUTE format('GRANT EXECUTE ON ALL ROUTINES IN SCHEMA %I TO %I', target, runtime);
        EXECUTE format('REVOKE EXECUTE ON FUNCTION %I.grant_runtime_privileges(text) FROM %I',
          target, runtime);

        -- What later migrations create (as this role) is usable at once.
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE ALL ON TABLES FROM %I',
          migrator, target, runtime);
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
          migrator, target, runtime);
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM %I',
          migrator, target, runtime);
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
          migrator, target, runtime);
        EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I GRANT EXECUTE ON FUNCTIONS TO %I',
          migrator, target, runtime);

        -- PostgreSQL before 15 lets everyone create in the public schema.
        IF has_schema_privilege(runtime, target, 'CREATE')
           AND pg_has_role(migrator, (SELECT n.nspowner FROM pg_namespace n WHERE n.oid = schema_oid), 'USAGE') THEN
          EXECUTE format('REVOKE CREATE ON SCHEMA %I FROM PUBLIC, %I', target, runtime);
        END IF;
        IF has_schema_privilege(runtime, target, 'CREATE') THEN
          RAISE EXCEPTION 'the runtime role "%" may create objects in schema "%": REVOKE CREATE ON SCHEMA "%" FROM PUBLIC',
            runtime, target, target;
        END IF;
        IF has_database_privilege(runtime, current_database(), 'CREATE') THEN
          RAISE EXCEPTION 'the runtime role "%" may create schemas: REVOKE CREATE ON DATABASE "%" FROM it and PUBLIC',
            runtime, current_database();
        END IF;
      END
      $$`);
    // Only the migration role grants.
    await queryRunner.query(
      `REVOKE EXECUTE ON FUNCTION "grant_runtime_privileges"(text) FROM PUBLIC`,
    );
    // The chain's head moves with the owner's rights, inside audited INSERTs only; a fixed
    // search_path (this schema, then pg_temp) so no one can slip a table in front of it.
    await queryRunner.query(`
      DO $$
      BEGIN
        EXECUTE format('ALTER FUNCTION %I.audit_chain_advance(text[], text[], text[], text[], timestamptz) SECURITY DEFINER SET search_path = %I, pg_temp',
          current_schema(), current_schema());
      END
      $$`);
    const runtime = await runtimeRole(queryRunner);
    if (runtime) await queryRunner.query('SELECT grant_runtime_privileges($1)', [runtime]);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const runtime = await runtimeRole(queryRunner);
    if (runtime) {
      await queryRunner.query(`
        DO $$
        DECLARE
          runtime text := current_setting('sbt.runtime_role');
          target name := current_schema();
        BEGIN
          EXECUTE format('REVOKE ALL ON ALL TABLES IN SCHEMA %I FROM %I', target, runtime);
          EXECUTE format('REVOKE ALL ON ALL SEQUENCES IN SCHEMA %I FROM %I', target, runtime);
          EXECUTE format('REVOKE ALL ON ALL ROUTINES IN SCHEMA %I FROM %I', target, runtime);
          EXECUTE format('REVOKE ALL ON SCHEMA %I FROM %I', target, runtime);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE ALL ON TABLES FROM %I',
            current_user, target, runtime);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE ALL ON SEQUENCES FROM %I',
            current_user, target, runtime);
          EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA %I REVOKE ALL ON FUNCTIONS FROM %I',
            current_user, target, runtime);
        END
        $$`);
    }
    await queryRunner.query(
      `ALTER FUNCTION "audit_chain_advance"(text[], text[], text[], text[], timestamptz) SECURITY INVOKER RESET search_path`,
    );
    await queryRunner.query(`DROP FUNCTION "grant_runtime_privileges"(text)`);
  }
}

/** The runtime role named on the migration connection (`sbt.runtime_role`); '' with one role. */
async function runtimeRole(queryRunner: QueryRunner): Promise<string> {
  const [{ role }] = (await queryRunner.query(
    `SELECT coalesce(current_setting('sbt.runtime_role', true), '') AS role`,
  )) as { role: string }[];
  return role;
}
