import type { INestApplicationContext } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { AuditIntegrityService, AuditService } from '@app/audit';
import { migrateSchema } from '../migrations/migrate';
import { ensureApplicationRoles, roleOf } from '../scripts/services/database-roles';
import {
  createScratchDatabase,
  dropScratchDatabase,
  withAdmin,
} from '../scripts/services/scratch-database';
import { asDatabaseOwner, ownerDatabaseUrl, startWorker, testConfig } from './support/e2e';

const DML = 'DELETE,INSERT,SELECT,UPDATE';
/** What the runtime role may do where it may not read and write freely (the migration). */
const RESTRICTED: Record<string, string> = {
  audit_events: 'INSERT,SELECT',
  progress_updates: 'INSERT,SELECT',
  comments: 'INSERT,SELECT',
  audit_chain_head: 'SELECT',
  typeorm_migrations: 'SELECT',
};

/** The runtime role's effective privileges on every table of the database `client` is on. */
async function tablePrivileges(client: Client, role: string): Promise<Record<string, string>> {
  const { rows } = await client.query<{ table: string; privileges: string }>(
    `SELECT c.relname AS table,
            coalesce(string_agg(p.privilege, ',' ORDER BY p.privilege)
                       FILTER (WHERE has_table_privilege($1, c.oid, p.privilege)), '') AS privileges
       FROM pg_class c
      CROSS JOIN unnest(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES',
                              'TRIGGER']) AS p(privilege)
      WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p')
      GROUP BY c.relname`,
    [role],
  );
  return Object.fromEntries(rows.map((row) => [row.table, row.privileges]));
}

/** The privileges the migrations should have left: DML everywhere but on RESTRICTED tables. */
function expectedFor(actual: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.keys(actual).map((table) => [table, RESTRICTED[table] ?? DML]));
}

/**
 * Least privilege (README "Database roles"): the owner role runs the migrations, the apps
 * connect as the runtime role. The whole end-to-end suite runs its apps as the runtime role
 * (test/global-setup.ts), which shows it has every privilege the product needs; these tests
 * show it has no more.
 */
describe('the runtime role', () => {
  const runtimeUrl = process.env.SBT_TEST_DATABASE_URL as string;
  const role = roleOf(runtimeUrl).name;
  let runtime: Client;

  beforeAll(async () => {
    runtime = new Client({ connectionString: runtimeUrl });
    await runtime.connect();
  });

  afterAll(async () => {
    await runtime?.end();
  });

  /** Runs `sql` as the runtime role in a transaction that is rolled back whatever happens. */
  async function attempt(sql: string): Promise<unknown> {
    await runtime.query('BEGIN');
    try {
      return await runtime.query(sql);
    } finally {
      await runtime.query('ROLLBACK');
    }
  }

  const denied = (table: string) => `permission denied for table ${table}`;
  const notOwner = (table: string) => `must be owner of table ${table}`;
  const noCreate = 'permission denied for schema public';

  // By privilege, before any trigger runs: the append-only triggers refuse with the same code.
  it.each([
    [
      'UPDATE of audit events',
      `UPDATE audit_events SET result = 'failure'`,
      denied('audit_events'),
    ],
    ['DELETE of audit events', 'DELETE FROM audit_events', denied('audit_events')],
    ['TRUNCATE of audit events', 'TRUNCATE audit_events', denied('audit_events')],
    [
      'disabling the audit triggers',
      'ALTER TABLE audit_events DISABLE TRIGGER ALL',
      notOwner('audit_events'),
    ],
    ['dropping a table', 'DROP TABLE audit_events', notOwner('audit_events')],
    ['changing a table', 'ALTER TABLE actions ADD COLUMN intruder text', notOwner('actions')],
    ['creating a table', 'CREATE TABLE intruder (id integer)', noCreate],
    [
      'creating a function',
      'CREATE FUNCTION intruder() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$',
      noCreate,
    ],
    ['creating a schema', 'CREATE SCHEMA intruder', 'permission denied for database'],
    ['TRUNCATE of any table', 'TRUNCATE actions CASCADE', denied('actions')],
    [
      'UPDATE of the timeline',
      'UPDATE progress_updates SET narrative = narrative',
      denied('progress_updates'),
    ],
    ['DELETE of reviews', 'DELETE FROM comments', denied('comments')],
    ['removing the chain head', 'DELETE FROM audit_chain_head', denied('audit_chain_head')],
    [
      'moving the chain head (it moves only inside audited INSERTs)',
      'UPDATE audit_chain_head SET sequence = 9223372036854775807',
      denied('audit_chain_head'),
    ],
    [
      'writing the migrations table',
      `INSERT INTO typeorm_migrations (id, "timestamp", name) VALUES (-1, 1, 'Intruder1')`,
      denied('typeorm_migrations'),
    ],
    [
      'erasing the migrations table',
      'DELETE FROM typeorm_migrations',
      denied('typeorm_migrations'),
    ],
    [
      'granting privileges',
      'SELECT grant_runtime_privileges(current_user)',
      'permission denied for function grant_runtime_privileges',
    ],
  ])('is refused %s', async (_, sql, message) => {
    await expect(attempt(sql)).rejects.toMatchObject({
      code: '42501',
      message: expect.stringContaining(message),
    });
  });

  it('owns nothing, is no superuser and no member of the owner role', async () => {
    const owner = roleOf(ownerDatabaseUrl()).name;
    const [row] = (
      await runtime.query<{ owned: string; superuser: boolean; member: boolean }>(
        `SELECT (SELECT count(*) FROM pg_shdepend d
                  WHERE d.refclassid = 'pg_authid'::regclass AND d.refobjid = r.oid
                    AND d.deptype = 'o')::text AS owned,
                r.rolsuper AS superuser, pg_has_role(r.rolname, $2, 'MEMBER') AS member
           FROM pg_roles r WHERE r.rolname = $1`,
        [role, owner],
      )
    ).rows;
    expect(row).toEqual({ owned: '0', superuser: false, member: false });
  });

  it('has exactly its privileges on every table, and never TRUNCATE, REFERENCES or TRIGGER', async () => {
    const privileges = await tablePrivileges(runtime, role);
    expect(Object.keys(privileges)).toEqual(
      expect.arrayContaining(['actions', 'audit_events', 'outbox_events', 'users']),
    );
    expect(privileges).toEqual(expectedFor(privileges));
    const [sequences] = (
      await runtime.query<{ migrations: boolean }>(
        `SELECT has_sequence_privilege($1, pg_get_serial_sequence('typeorm_migrations', 'id'),
                                       'USAGE') AS migrations`,
        [role],
      )
    ).rows;
    expect(sequences).toEqual({ migrations: false });
  });

  it('reads and writes a table a later migration creates, through the default privileges', async () => {
    await asDatabaseOwner((owner) =>
      owner.query('CREATE TABLE later_probes (id serial PRIMARY KEY, note text)'),
    );
    try {
      expect((await tablePrivileges(runtime, role)).later_probes).toBe(DML);
      await runtime.query(`INSERT INTO later_probes (note) VALUES ('a')`);
      await runtime.query(`UPDATE later_probes SET note = 'b'`);
      await runtime.query('DELETE FROM later_probes');
      await expect(attempt('TRUNCATE later_probes')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await asDatabaseOwner((owner) => owner.query('DROP TABLE later_probes'));
    }
  });

  it('gets the same privileges again from every migration run, drift undone', async () => {
    const before = await tablePrivileges(runtime, role);
    await asDatabaseOwner((owner) =>
      owner.query(`GRANT TRUNCATE, REFERENCES ON actions, audit_events TO "${role}"`),
    );
    expect((await tablePrivileges(runtime, role)).audit_events).toContain('TRUNCATE');
    const config = testConfig({ MIGRATION_DATABASE_URL: ownerDatabaseUrl() }).database;
    expect(config.runtimeRole).toBe(role);
    expect(await migrateSchema(config)).toEqual([]);
    expect(await tablePrivileges(runtime, role)).toEqual(before);
  });

  it('is refused by the grants when privileges would not bind it', async () => {
    await asDatabaseOwner(async (owner) => {
      await expect(owner.query('SELECT grant_runtime_privileges(current_user)')).rejects.toThrow(
        'is the migration role',
      );
      await expect(owner.query(`SELECT grant_runtime_privileges('sbt_nobody')`)).rejects.toThrow(
        'does not exist',
      );
      // A role that may create roles could grant itself the owner's (PostgreSQL 15 and older).
      const creator = `${role}_creator`;
      await withAdmin(process.env.SBT_TEST_SERVER_URL as string, (admin) =>
        admin.query(`CREATE ROLE "${creator}" CREATEROLE`),
      );
      try {
        await expect(owner.query('SELECT grant_runtime_privileges($1)', [creator])).rejects.toThrow(
          'may create roles',
        );
      } finally {
        await withAdmin(process.env.SBT_TEST_SERVER_URL as string, (admin) =>
          admin.query(`DROP ROLE "${creator}"`),
        );
      }
    });
  });

  it('records and verifies audit events in the worker', async () => {
    const worker: INestApplicationContext = await startWorker(
      testConfig({ REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-roles` }),
    );
    try {
      const audit = worker.get(AuditService);
      const before = await worker.get(AuditIntegrityService).verify();
      await worker.get(DataSource).transaction((manager) =>
        audit.recordMany(manager, [
          { operation: 'create', entityType: 'organisation', entityId: 'roles-one' },
          { operation: 'update', entityType: 'organisation', entityId: 'roles-one' },
        ]),
      );
      expect(await worker.get(AuditIntegrityService).verify()).toMatchObject({
        valid: true,
        checked: before.checked + 2,
      });
    } finally {
      await worker.close();
    }
  });
});

/**
 * A database an earlier, single-role `npm start` made (owned by the server's administrator)
 * is given to the owner role, and the next migration run grants the runtime role.
 */
describe('a single-role database moving to two roles', () => {
  const serverUrl = process.env.SBT_TEST_SERVER_URL as string;
  const name = `${process.env.SBT_TEST_DATABASE_NAME}_single`;

  afterAll(async () => {
    await dropScratchDatabase(serverUrl, name);
  });

  it('is adopted by the owner role and grants the runtime role its privileges', async () => {
    const single = await createScratchDatabase(serverUrl, name);
    const roles = {
      owner: roleOf(ownerDatabaseUrl()),
      runtime: roleOf(process.env.SBT_TEST_DATABASE_URL as string),
    };
    const { ownerUrl, runtimeUrl } = await ensureApplicationRoles(single.url, roles);
    const config = testConfig({ DATABASE_URL: runtimeUrl, MIGRATION_DATABASE_URL: ownerUrl });
    expect(await migrateSchema(config.database)).toEqual([]);

    const notOwned = await withAdmin(single.url, async (admin) => {
      const { rows } = await admin.query<{ name: string }>(
        `SELECT relname AS name FROM pg_class
          WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'S')
            AND pg_get_userbyid(relowner) <> $1
         UNION ALL
         SELECT proname FROM pg_proc
          WHERE pronamespace = 'public'::regnamespace AND pg_get_userbyid(proowner) <> $1`,
        [roles.owner.name],
      );
      return rows.map((row) => row.name);
    });
    expect(notOwned).toEqual([]);
    const runtime = new Client({ connectionString: runtimeUrl });
    await runtime.connect();
    try {
      const privileges = await tablePrivileges(runtime, roles.runtime.name);
      expect(privileges).toEqual(expectedFor(privileges));
      await expect(runtime.query('DROP TABLE actions')).rejects.toMatchObject({ code: '42501' });
    } finally {
      await runtime.end();
    }
  });
});
