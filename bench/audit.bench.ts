import { type INestApplicationContext, Module } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import {
  AuditContext,
  type AuditEventInput,
  AuditIntegrityService,
  AuditModule,
  AuditService,
  type ChainVerification,
} from '@app/audit';
import { AppConfig, CoreModule } from '@app/core';
import { type ConcurrentResult, createContext, runConcurrent } from './harness';

const DOCUMENTS = 1000;

@Module({})
class AuditBenchModule {}

/** The core and the audit log, as the API and worker have them. */
export const auditContext = (config: AppConfig): Promise<INestApplicationContext> =>
  createContext({
    module: AuditBenchModule,
    imports: [CoreModule.forRoot(config), AuditModule],
  });

const ORIGIN = {
  clientAddress: '203.0.113.17',
  userAgent:
    'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36',
  requestId: '7d9f2b8e-5a61-4c3e-9d1f-0b8e6a4c2f19',
  traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
};
const ACTOR = {
  type: 'user' as const,
  id: '0b6f2d1c-8f3a-4e57-9a2b-6c1d3e4f5a6b',
  organisationId: '9e8d7c6b-5a49-4382-b1c0-d9e8f7a6b5c4',
};

/** A typical audited change: an action's title and status, about 400 bytes on record. */
function sampleEvent(i: number): AuditEventInput {
  return {
    operation: 'update',
    entityType: 'action',
    entityId: `5f0c2a7e-1b3d-4c8e-9f6a-${(i % 1e12).toString().padStart(12, '0')}`,
    programmeId: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e',
    changes: {
      title: { old: `Actie ${i}: wetgevingstoets`, new: `Actie ${i}: wetgevingstoets (herzien)` },
      status: { old: 'in_progress', new: 'completed' },
    },
  };
}

/** A table to change in each audited transaction, standing in for the business rows. */
export async function createDocuments(dataSource: DataSource): Promise<void> {
  await dataSource.query(
    `CREATE TABLE bench_documents (id int PRIMARY KEY, title text NOT NULL, version int NOT NULL)`,
  );
  await dataSource.query(
    `INSERT INTO bench_documents SELECT g, 'document ' || g, 0 FROM generate_series(0, $1) g`,
    [DOCUMENTS - 1],
  );
  // Design (b)'s write path: the same event, unsealed, no chain and no wait on other writers.
  await dataSource.query(
    `CREATE TABLE bench_unsealed_events (
       id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
       xid xid8 NOT NULL DEFAULT pg_current_xact_id(),
       occurred_at timestamptz NOT NULL, actor_type text NOT NULL, actor_id uuid,
       actor_organisation_id uuid, client_address text, user_agent text, request_id text,
       trace_id text, operation text NOT NULL, result text NOT NULL, entity_type text NOT NULL,
       entity_id text, programme_id uuid, changes jsonb, details jsonb)`,
  );
}

function touchDocument(manager: EntityManager, i: number): Promise<unknown> {
  return manager.query(
    'UPDATE bench_documents SET title = $2, version = version + 1 WHERE id = $1',
    [i % DOCUMENTS, `document ${i}`],
  );
}

async function insertUnsealed(manager: EntityManager, event: AuditEventInput): Promise<void> {
  await manager.query(
    `INSERT INTO bench_unsealed_events (occurred_at, actor_type, actor_id, actor_organisation_id,
       client_address, user_agent, request_id, trace_id, operation, result, entity_type,
       entity_id, programme_id, changes)
     VALUES (now(), $1, $2, $3, $4, $5, $6, $7, $8, 'success', $9, $10, $11, $12::jsonb)`,
    [
      ACTOR.type,
      ACTOR.id,
      ACTOR.organisationId,
      ORIGIN.clientAddress,
      ORIGIN.userAgent,
      ORIGIN.requestId,
      ORIGIN.traceId,
      event.operation,
      event.entityType,
      event.entityId,
      event.programmeId,
      JSON.stringify(event.changes),
    ],
  );
}

export type WriteDesign = 'none' | 'chained' | 'unsealed';

/**
 * `transactions` transactions over `clients` concurrent clients, each changing one row and,
 * by design: recording no event, recording it on the chain (a), or inserting it unsealed (b).
 */
export async function benchAuditedWrites(
  context: INestApplicationContext,
  design: WriteDesign,
  transactions: number,
  clients: number,
  signal: AbortSignal,
): Promise<ConcurrentResult> {
  const dataSource = context.get(DataSource);
  const audit = context.get(AuditService);
  const write = (i: number) =>
    AuditContext.run(ORIGIN, () => {
      AuditContext.setActor(ACTOR);
      return dataSource.transaction(async (manager) => {
        await touchDocument(manager, i);
        if (design === 'chained') await audit.record(manager, sampleEvent(i));
        if (design === 'unsealed') await insertUnsealed(manager, sampleEvent(i));
      });
    });
  // Untimed warm-up: opens the pool's connections.
  await runConcurrent(clients, clients, signal, write);
  return runConcurrent(transactions, clients, signal, write);
}

/** Appends `events` events through AuditService.recordMany, `batch` per transaction. */
export async function insertEvents(
  context: INestApplicationContext,
  events: number,
  batch: number,
  signal: AbortSignal,
  progress: (done: number) => void,
): Promise<{ elapsedMs: number; perSecond: number }> {
  const dataSource = context.get(DataSource);
  const audit = context.get(AuditService);
  const started = performance.now();
  for (let done = 0; done < events;) {
    signal.throwIfAborted();
    const size = Math.min(batch, events - done);
    const batchEvents = Array.from({ length: size }, (_, i) => sampleEvent(done + i));
    await AuditContext.run(ORIGIN, () => {
      AuditContext.setActor(ACTOR);
      return dataSource.transaction((manager) => audit.recordMany(manager, batchEvents));
    });
    done += size;
    if (done % 100_000 === 0 || done === events) progress(done);
  }
  const elapsedMs = performance.now() - started;
  return { elapsedMs, perSecond: (events / elapsedMs) * 1000 };
}

export async function timedVerify(
  context: INestApplicationContext,
  from?: bigint,
): Promise<{ elapsedMs: number; result: ChainVerification }> {
  const started = performance.now();
  const result = await context.get(AuditIntegrityService).verify(from);
  return { elapsedMs: performance.now() - started, result };
}
