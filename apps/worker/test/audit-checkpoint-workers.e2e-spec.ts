import { Module, type INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AuditCheckpointStore,
  AuditIntegrityService,
  AuditModule,
  AuditService,
  SYSTEM_ACTOR,
} from '@app/audit';
import { CoreModule } from '@app/core';
import { testConfig } from '../../../test/support/e2e';

/**
 * Several workers (README "Production topology") share one AUDIT_CHECKPOINT_FILE on a shared
 * volume. Each process ran its checkpoints one at a time, but two processes did not wait for
 * each other: one could read the file, another write a newer checkpoint, and the first then
 * put its older one over it, moving the checkpoint backwards.
 */
describe('audit checkpoints written by two workers into one file', () => {
  const file = join(tmpdir(), `sbt-test-checkpoint-${randomUUID()}`, 'checkpoint.json');
  const config = testConfig({ AUDIT_CHECKPOINT_FILE: file });
  const contexts: INestApplicationContext[] = [];

  /** What one worker process has of the audit log: its own pool, store and service. */
  async function workerProcess(): Promise<INestApplicationContext> {
    @Module({ imports: [CoreModule.forRoot(config), AuditModule] })
    class AuditWorker {}
    const context = await Test.createTestingModule({ imports: [AuditWorker] }).compile();
    await context.init();
    contexts.push(context);
    return context;
  }

  const record = (context: INestApplicationContext) =>
    context.get(AuditService).recordAlone({
      operation: 'create',
      entityType: 'test_checkpoint',
      entityId: randomUUID(),
      actor: SYSTEM_ACTOR,
    });

  const stored = async () =>
    (JSON.parse(await readFile(file, 'utf8')) as { sequence: string }).sequence;

  afterAll(async () => {
    await Promise.all(contexts.map((context) => context.close()));
    await rm(join(file, '..'), { recursive: true, force: true });
  });

  it('never moves the shared checkpoint backwards: a second worker waits its turn', async () => {
    const first = await workerProcess();
    const second = await workerProcess();
    await record(first);

    // The first worker stops in its write, right after it read the file.
    const store = first.get(AuditCheckpointStore);
    const read = store.read.bind(store);
    let reads = 0;
    let reachedWrite!: () => void;
    const inWrite = new Promise<void>((resolve) => (reachedWrite = resolve));
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    jest.spyOn(store, 'read').mockImplementation(async (...args) => {
      const result = await read(...args);
      reads += 1;
      if (reads === 2) {
        reachedWrite();
        await released;
      }
      return result;
    });
    const firstRun = first.get(AuditIntegrityService).checkpoint();
    await inWrite;

    // Meanwhile the chain grows, and the second worker's turn comes.
    await record(second);
    const secondOutcome = await second.get(AuditIntegrityService).checkpoint();
    release();
    // The first is at it: the second leaves the file to it.
    expect(secondOutcome).toEqual({ kind: 'busy' });
    const firstOutcome = await firstRun;
    expect(firstOutcome.kind).toBe('written');

    const written = [firstOutcome, secondOutcome]
      .filter((outcome) => outcome.kind === 'written')
      .map((outcome) => BigInt((outcome as { sequence: string }).sequence));
    const highest = written.reduce((a, b) => (a > b ? a : b));
    expect(BigInt(await stored())).toBe(highest);

    // The lock is free again: the next run takes the checkpoint to the head.
    const head = await record(second);
    expect(await second.get(AuditIntegrityService).checkpoint()).toEqual({
      kind: 'written',
      sequence: head,
    });
    expect(await stored()).toBe(head);
  });
});
