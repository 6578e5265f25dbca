import type { INestApplicationContext } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import {
  AuditIntegrityService,
  AuditService,
  GENESIS_HASH,
  hashEvent,
  serialiseEvent,
  type ChainedEvent,
} from '@app/audit';
import { dataSourceOptions } from '@app/core';
import { auditVerifyCommand } from '../scripts/audit-verify';
import { startWorker, testConfig } from './support/e2e';
import { createOwnDatabase } from './support/own-database';

/**
 * The chain's guarantees, in a database of its own: these tests tamper with the table as its
 * owner (triggers disabled) and restore it afterwards. The worker runs as the runtime role.
 */
describe('the audit chain', () => {
  let database: { url: string; ownerUrl: string; drop: () => Promise<void> };
  let worker: INestApplicationContext;
  let dataSource: DataSource;
  let owner: DataSource;
  let audit: AuditService;
  let integrity: AuditIntegrityService;
  const folder = mkdtempSync(join(tmpdir(), 'sbt-audit-'));
  const checkpointFile = join(folder, 'checkpoint.json');

  const record = (entityId: string) =>
    dataSource.transaction((manager) =>
      audit.record(manager, {
        operation: 'update',
        entityType: 'organisation',
        entityId,
        changes: { name: { old: 'Provincie Fryslân', new: `Provinsje Fryslân ${entityId}` } },
      }),
    );

  beforeAll(async () => {
    database = await createOwnDatabase('audit_chain');
    // Its own Redis prefix too: no other file's worker may take this database's jobs.
    worker = await startWorker(
      testConfig({
        DATABASE_URL: database.url,
        AUDIT_CHECKPOINT_FILE: checkpointFile,
        REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-chain`,
      }),
    );
    dataSource = worker.get(DataSource);
    audit = worker.get(AuditService);
    integrity = worker.get(AuditIntegrityService);
    owner = new DataSource(dataSourceOptions({ url: database.ownerUrl, poolSize: 2, ssl: false }));
    await owner.initialize();
  });

  afterAll(async () => {
    await worker?.close();
    if (owner?.isInitialized) await owner.destroy();
    await database?.drop();
    rmSync(folder, { recursive: true, force: true });
  });

  describe('under concurrent writers', () => {
    it('keeps one unbroken chain through 200 concurrent audited writes, some rolling back', async () => {
      const outcomes = await Promise.allSettled(
        Array.from({ length: 220 }, (_, i) =>
          i % 11 === 10
            ? dataSource.transaction(async (manager) => {
                await audit.record(manager, { operation: 'delete', entityType: 'organisation' });
                throw new Error('rolled back while others wait on the head');
              })
            : record(`concurrent-${i}`),
        ),
      );
      const sequences = outcomes.flatMap((outcome) =>
        outcome.status === 'fulfilled' ? [outcome.value] : [],
      );
      expect(sequences).toHaveLength(200);
      expect(new Set(sequences).size).toBe(200);

      const rows = await dataSource.query<{ sequence: string; prev_hash: string; hash: string }[]>(
        'SELECT sequence::text, prev_hash, hash FROM audit_events ORDER BY audit_events.sequence',
      );
      expect(rows.map((row) => Number(row.sequence))).toEqual(
        Array.from({ length: rows.length }, (_, i) => i + 1),
      );
      expect(rows[0].prev_hash).toBe(GENESIS_HASH);
      rows.slice(1).forEach((row, i) => expect(row.prev_hash).toBe(rows[i].hash));
      expect(new Set(rows.map((row) => row.prev_hash)).size).toBe(rows.length);

      const result = await integrity.verify();
      expect(result).toMatchObject({ valid: true, checked: rows.length, from: '1' });
    });

    it('leaves no event and no gap when the transaction rolls back', async () => {
      const before = await lastSequence();
      await expect(
        dataSource.transaction(async (manager) => {
          await audit.record(manager, { operation: 'delete', entityType: 'organisation' });
          throw new Error('the change failed after its event was recorded');
        }),
      ).rejects.toThrow('the change failed');
      expect(await lastSequence()).toBe(before);
      expect(await record('after-rollback')).toBe(String(before + 1));
      expect((await integrity.verify()).valid).toBe(true);
    });

    it('chains a batch larger than one INSERT statement takes', async () => {
      const before = await lastSequence();
      const events = Array.from({ length: 4000 }, (_, i) => ({
        operation: 'create' as const,
        entityType: 'organisation',
        entityId: `batch-${i}`,
      }));
      const sequences = await dataSource.transaction((manager) =>
        audit.recordMany(manager, events),
      );
      expect(sequences[0]).toBe(String(before + 1));
      expect(sequences[3999]).toBe(String(before + 4000));
      expect(await integrity.verify(BigInt(before))).toMatchObject({ valid: true, checked: 4001 });
    });

    it('refuses to record outside a transaction', async () => {
      await expect(
        audit.record(dataSource.manager, { operation: 'create', entityType: 'organisation' }),
      ).rejects.toThrow('inside a transaction');
    });
  });

  describe('in the database', () => {
    it.each([
      ['UPDATE', `UPDATE audit_events SET result = 'failure' WHERE sequence = 1`],
      ['DELETE', 'DELETE FROM audit_events WHERE sequence = 1'],
      ['TRUNCATE', 'TRUNCATE audit_events'],
    ])('refuses %s even to the owner', async (operation, sql) => {
      await expect(owner.query(sql)).rejects.toThrow(
        `audit_events is append-only: ${operation} is not allowed`,
      );
      expect(await lastSequence()).toBeGreaterThan(0);
    });
  });

  describe('against tampering by the database owner', () => {
    let untouched: number;

    beforeAll(async () => {
      untouched = await lastSequence();
      await owner.query('CREATE TABLE audit_backup AS TABLE audit_events');
      expect(await integrity.checkpoint()).toEqual({
        kind: 'written',
        sequence: String(untouched),
      });
    });

    /** Puts the table and the chain head back as they were before the test. */
    afterEach(async () => {
      await asOwner(async (query) => {
        await query('DELETE FROM audit_events');
        await query('INSERT INTO audit_events SELECT * FROM audit_backup');
        await query(
          `UPDATE audit_chain_head SET sequence = b.sequence, hash = b.hash
           FROM (SELECT sequence, hash FROM audit_backup ORDER BY sequence DESC LIMIT 1) b`,
        );
      });
      expect((await integrity.verify()).valid).toBe(true);
    });

    it('names an edited field', async () => {
      await asOwner((query) =>
        query(`UPDATE audit_events SET entity_id = 'someone-else' WHERE sequence = 50`),
      );
      expect(await integrity.verify()).toMatchObject({
        valid: false,
        checked: 49,
        firstInvalidSequence: '50',
        reason: expect.stringContaining('altered'),
      });
    });

    it('names a deleted row in the middle', async () => {
      await asOwner((query) => query('DELETE FROM audit_events WHERE sequence = 77'));
      expect(await integrity.verify()).toMatchObject({
        valid: false,
        firstInvalidSequence: '77',
        reason: 'event 77 is missing',
      });
    });

    it('names the first of two swapped rows', async () => {
      await asOwner(async (query) => {
        await query('UPDATE audit_events SET sequence = 1000000 WHERE sequence = 120');
        await query('UPDATE audit_events SET sequence = 120 WHERE sequence = 121');
        await query('UPDATE audit_events SET sequence = 121 WHERE sequence = 1000000');
      });
      expect(await integrity.verify()).toMatchObject({ valid: false, firstInvalidSequence: '120' });
    });

    it('names a forged row, even one whose hash the forger recomputed', async () => {
      const [row] = await chainRows(90, 90);
      const forged = { ...row, entityId: 'forged', changes: { name: { new: 'forged' } } };
      forged.hash = hashEvent(forged);
      await asOwner((query) =>
        query(
          `UPDATE audit_events SET entity_id = $1, changes = $2::jsonb, hash = $3 WHERE sequence = 90`,
          [forged.entityId, JSON.stringify(forged.changes), forged.hash],
        ),
      );
      expect(await integrity.verify()).toMatchObject({
        valid: false,
        firstInvalidSequence: '90',
        reason: expect.stringContaining('replaced'),
      });
    });

    it('names a forged row appended after the end', async () => {
      const next = untouched + 1;
      await asOwner((query) =>
        query(
          `INSERT INTO audit_events (sequence, occurred_at, actor_type, operation, result,
             entity_type, prev_hash, hash)
           SELECT $1, now(), 'system', 'delete', 'success', 'organisation', hash, repeat('a', 64)
           FROM audit_events WHERE sequence = $2`,
          [next, untouched],
        ),
      );
      expect(await integrity.verify()).toMatchObject({
        valid: false,
        firstInvalidSequence: String(next),
      });
    });

    it('names the first removed event of a truncated tail, through the checkpoint', async () => {
      const keep = untouched - 5;
      await asOwner(async (query) => {
        await query('DELETE FROM audit_events WHERE sequence > $1', [keep]);
        // A careful intruder resets the head too: only the checkpoint still knows.
        await query(
          `UPDATE audit_chain_head SET sequence = $1,
             hash = (SELECT hash FROM audit_events WHERE sequence = $1)`,
          [keep],
        );
      });
      const result = await integrity.verify();
      expect(result).toMatchObject({
        valid: false,
        checked: keep,
        firstInvalidSequence: String(keep + 1),
        checkpoint: { status: 'beyond_log', sequence: String(untouched) },
        reason: expect.stringContaining('removed from the end'),
      });
    });

    it('catches a tail rewritten with recomputed hashes through the checkpoint', async () => {
      const rows = await chainRows(untouched - 2, untouched);
      let prevHash = (await chainRows(untouched - 3, untouched - 3))[0].hash;
      await asOwner(async (query) => {
        for (const row of rows) {
          const forged = { ...row, entityId: `rewritten-${row.sequence}`, prevHash };
          forged.hash = hashEvent(forged);
          prevHash = forged.hash;
          await query(
            'UPDATE audit_events SET entity_id = $1, prev_hash = $2, hash = $3 WHERE sequence = $4',
            [forged.entityId, forged.prevHash, forged.hash, row.sequence],
          );
        }
      });
      expect(await integrity.verify()).toMatchObject({
        valid: false,
        firstInvalidSequence: String(untouched),
        checkpoint: { status: 'differs' },
      });
      // The worker refuses to vouch for the rewritten chain with a new checkpoint.
      const stored = readFileSync(checkpointFile, 'utf8');
      expect(await integrity.checkpoint()).toMatchObject({ kind: 'refused' });
      expect(readFileSync(checkpointFile, 'utf8')).toBe(stored);
    });

    it('reports a checkpoint whose signature does not match', async () => {
      const stored = readFileSync(checkpointFile, 'utf8');
      try {
        const checkpoint = JSON.parse(stored);
        writeFileSync(checkpointFile, JSON.stringify({ ...checkpoint, sequence: '1' }));
        expect(await integrity.verify()).toMatchObject({
          valid: false,
          checkpoint: { status: 'unreadable' },
          reason: 'the checkpoint signature does not match',
        });
      } finally {
        writeFileSync(checkpointFile, stored);
      }
    });

    it('signs no checkpoint over a broken chain when the stored one cannot be read', async () => {
      const stored = readFileSync(checkpointFile, 'utf8');
      try {
        writeFileSync(checkpointFile, 'not a checkpoint');
        await asOwner((query) =>
          query(`UPDATE audit_events SET result = 'failure' WHERE sequence = 5`),
        );
        expect(await integrity.checkpoint()).toMatchObject({
          kind: 'refused',
          verification: { firstInvalidSequence: '5' },
        });
        expect(readFileSync(checkpointFile, 'utf8')).toBe('not a checkpoint');
      } finally {
        writeFileSync(checkpointFile, stored);
      }
    });

    it('verifies incrementally from a sequence', async () => {
      expect(await integrity.verify(BigInt(untouched - 9))).toMatchObject({
        valid: true,
        checked: 10,
        from: String(untouched - 9),
        checkpoint: { status: 'matches' },
      });
      await asOwner((query) =>
        query(`UPDATE audit_events SET result = 'failure' WHERE sequence = $1`, [untouched - 3]),
      );
      expect(await integrity.verify(BigInt(untouched - 9))).toMatchObject({
        valid: false,
        firstInvalidSequence: String(untouched - 3),
      });
    });

    it('answers the same from the command line (npm run audit:verify)', async () => {
      const env = {
        DATABASE_URL: database.url,
        AUDIT_CHECKPOINT_KEY: testConfig().audit.checkpointKey,
        AUDIT_CHECKPOINT_FILE: checkpointFile,
      };
      const run = async (args: string[]) => {
        let out = '';
        let err = '';
        const code = await auditVerifyCommand(args, env, {
          out: (text) => (out += text),
          err: (text) => (err += text),
        });
        return { code, out, err };
      };
      const valid = await run(['--json']);
      expect(valid.code).toBe(0);
      expect(JSON.parse(valid.out)).toMatchObject({ valid: true, checked: untouched });

      await asOwner((query) => query('DELETE FROM audit_events WHERE sequence = 3'));
      const broken = await run(['--from', '2']);
      expect(broken.code).toBe(1);
      expect(broken.out).toContain('NOT VALID');
      expect(broken.out).toMatch(/first invalid\s+3/);

      expect((await run(['--from', 'x'])).code).toBe(2);
      expect((await run(['--bogus'])).code).toBe(2);
    });
  });

  describe('the worker', () => {
    it('writes a signed checkpoint of the verified head on its schedule', async () => {
      const file = join(folder, 'scheduled.json');
      const scheduled = await startWorker(
        testConfig({
          DATABASE_URL: database.url,
          AUDIT_CHECKPOINT_FILE: file,
          AUDIT_CHECKPOINT_INTERVAL_SECONDS: '5',
          REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-checkpoint`,
        }),
      );
      try {
        await record(`scheduled-${randomUUID()}`);
        const head = await lastSequence();
        // The first run comes at once, maybe before that write; the next one 5 s later.
        const checkpoint = await eventuallyRead(file, (read) => read.sequence === String(head));
        expect(checkpoint).toMatchObject({ sequence: String(head) });
        expect(checkpoint.signature).toMatch(/^[0-9a-f]{64}$/);
      } finally {
        await scheduled.close();
      }
    });
  });

  async function lastSequence(): Promise<number> {
    const [row] = await dataSource.query<{ sequence: string }[]>(
      'SELECT sequence::text FROM audit_chain_head',
    );
    return Number(row.sequence);
  }

  /** Runs statements as the owner with the append-only triggers off, in one transaction. */
  async function asOwner(
    work: (query: (sql: string, parameters?: unknown[]) => Promise<unknown>) => Promise<unknown>,
  ): Promise<void> {
    await owner.transaction(async (manager) => {
      await manager.query('ALTER TABLE audit_events DISABLE TRIGGER USER');
      await work((sql, parameters) => manager.query(sql, parameters));
      await manager.query('ALTER TABLE audit_events ENABLE TRIGGER USER');
    });
  }

  async function chainRows(
    from: number,
    to: number,
  ): Promise<Array<ChainedEvent & { hash: string }>> {
    return dataSource.query(
      `SELECT sequence::text AS "sequence",
              to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "occurredAt",
              actor_type AS "actorType", actor_id AS "actorId",
              actor_organisation_id AS "actorOrganisationId", client_address AS "clientAddress",
              user_agent AS "userAgent", request_id AS "requestId", trace_id AS "traceId",
              operation, result, entity_type AS "entityType", entity_id AS "entityId",
              programme_id AS "programmeId", changes, details, prev_hash AS "prevHash", hash
       FROM audit_events WHERE audit_events.sequence BETWEEN $1 AND $2
       ORDER BY audit_events.sequence`,
      [from, to],
    );
  }

  async function eventuallyRead(
    file: string,
    until: (checkpoint: Record<string, string>) => boolean,
  ): Promise<Record<string, string>> {
    const deadline = Date.now() + 15_000;
    for (;;) {
      let read: Record<string, string> | undefined;
      try {
        read = JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        read = undefined;
      }
      if (read && until(read)) return read;
      if (Date.now() > deadline)
        throw new Error(`no checkpoint as expected in ${file}: ${JSON.stringify(read)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  it('hashes what it serialises (a reader can recompute any event by hand)', async () => {
    const [row] = await chainRows(1, 1);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(serialiseEvent(row)).digest('hex')).toBe(row.hash);
  });
});
