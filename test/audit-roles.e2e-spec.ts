import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AuditIntegrityService, AuditService } from '@app/audit';
import { dataSourceOptions, runMigrations } from '@app/core';
import { dropScratchDatabase, withAdmin } from '../scripts/services/scratch-database';
import { startWorker, testConfig } from './support/e2e';

/**
 * The two-role set-up of the README ("Audit log"): an owner role runs the migrations, the
 * application connects as a role that gets its table privileges through ALTER DEFAULT
 * PRIVILEGES. On the audit table that role keeps only SELECT and INSERT.
 */
describe('the audit table with an owner role and an application role', () => {
  const serverUrl = process.env.SBT_TEST_SERVER_URL as string;
  const databaseName = `${process.env.SBT_TEST_DATABASE_NAME}_roles`;
  const role = `sbt_test_app_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(12).toString('hex');
  let appUrl: string;
  let app: DataSource;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    await withAdmin(serverUrl, async (admin) => {
      await admin.query(`CREATE ROLE "${role}" LOGIN PASSWORD '${password}'`);
      await admin.query(`CREATE DATABASE "${databaseName}"`);
    });
    const ownerUrl = new URL(serverUrl);
    ownerUrl.pathname = `/${databaseName}`;
    const owner = new DataSource(
      dataSourceOptions({
        url: ownerUrl.toString(),
        poolSize: 2,
        ssl: false,
        migrationsRun: false,
      }),
    );
    await owner.initialize();
    try {
      await owner.query(`GRANT USAGE ON SCHEMA public TO "${role}"`);
      await owner.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public
         GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE ON TABLES TO "${role}"`,
      );
      await owner.query(
        `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO "${role}"`,
      );
      await runMigrations(owner);
    } finally {
      await owner.destroy();
    }
    const url = new URL(ownerUrl);
    url.username = role;
    url.password = password;
    appUrl = url.toString();
    worker = await startWorker(
      testConfig({
        DATABASE_URL: appUrl,
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-roles`,
      }),
    );
    app = worker.get(DataSource);
  });

  afterAll(async () => {
    await worker?.close();
    await dropScratchDatabase(serverUrl, databaseName);
    await withAdmin(serverUrl, (admin) => admin.query(`DROP ROLE IF EXISTS "${role}"`));
  });

  it('lets the application record and verify events', async () => {
    const audit = worker.get(AuditService);
    await app.transaction((manager) =>
      audit.recordMany(manager, [
        { operation: 'create', entityType: 'organisation', entityId: 'one' },
        { operation: 'update', entityType: 'organisation', entityId: 'one' },
      ]),
    );
    expect(await worker.get(AuditIntegrityService).verify()).toMatchObject({
      valid: true,
      checked: 2,
    });
  });

  it.each([
    ['UPDATE', `UPDATE audit_events SET result = 'failure'`],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('denies the application %s by privilege, before any trigger runs', async (_, sql) => {
    // Without the privilege PostgreSQL refuses before any trigger runs.
    await expect(app.query(sql)).rejects.toMatchObject({
      driverError: { code: '42501', message: 'permission denied for table audit_events' },
    });
  });

  it('cannot disable the triggers either: only the owner may alter the table', async () => {
    await expect(app.query('ALTER TABLE audit_events DISABLE TRIGGER USER')).rejects.toMatchObject({
      driverError: { code: '42501' },
    });
  });

  it('keeps the default privileges on every other table', async () => {
    await expect(
      app.query(`UPDATE organisations SET name = name WHERE false`),
    ).resolves.toBeDefined();
    const [row] = await app.query<{ privileges: string }[]>(
      `SELECT string_agg(privilege_type, ',' ORDER BY privilege_type) AS privileges
       FROM information_schema.role_table_grants
       WHERE table_name = 'audit_events' AND grantee = $1`,
      [role],
    );
    expect(row.privileges).toBe('INSERT,SELECT');
  });
});
