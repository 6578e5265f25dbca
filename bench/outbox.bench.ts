import type { INestApplicationContext } from '@nestjs/common';
import { JobType } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  CoreModule,
  JobName,
  JobQueueService,
  OutboxRelayService,
  OutboxService,
  QueueName,
  outboxJobId,
} from '@app/core';
import { WorkerModule } from '../apps/worker/src/worker.module';
import { allSettledOrThrow, type ConcurrentResult, createContext, runConcurrent } from './harness';

/** Every state a BullMQ job can be in (a paused queue keeps its jobs in `waiting`). */
const ALL_JOB_STATES: JobType[] = [
  'active',
  'completed',
  'delayed',
  'failed',
  'prioritized',
  'waiting',
  'waiting-children',
];

/** Core only (database, Redis, queues, outbox): no relay loop, no job workers. */
export const coreContext = (config: AppConfig): Promise<INestApplicationContext> =>
  createContext(CoreModule.forRoot(config));

/** The real worker: job workers, the outbox relay loop and the heartbeat. */
export const workerContext = (config: AppConfig): Promise<INestApplicationContext> =>
  createContext(WorkerModule.forRoot(config));

/** Opens the context's database connection and queue connection before anything is timed. */
export async function warmUp(context: INestApplicationContext): Promise<void> {
  await context.get(DataSource).query('SELECT 1');
  await context.get(JobQueueService).queue(QueueName.System).waitUntilReady();
}

export function recordPing(context: INestApplicationContext, note: string): Promise<string> {
  const dataSource = context.get(DataSource);
  const outbox = context.get(OutboxService);
  return dataSource.transaction((manager) =>
    outbox.record(manager, { name: JobName.SystemPing, data: { note } }),
  );
}

async function countRows(dataSource: DataSource, where = 'TRUE'): Promise<number> {
  const rows: { count: number }[] = await dataSource.query(
    `SELECT count(*)::int AS count FROM outbox_events WHERE ${where}`,
  );
  return rows[0].count;
}

/** Empties the outbox table and the `system` queue, so that each part starts from nothing. */
export async function resetOutboxAndQueue(context: INestApplicationContext): Promise<void> {
  await context.get(DataSource).query('TRUNCATE outbox_events');
  await context.get(JobQueueService).queue(QueueName.System).obliterate({ force: true });
}

// ---------------------------------------------------------------------------------------------
// 1. Write throughput
// ---------------------------------------------------------------------------------------------

export interface WriteResult extends ConcurrentResult {
  transactions: number;
  rowsFound: number;
}

/**
 * `transactions` transactions, each recording one outbox event, spread over `clients`
 * concurrent loops that take the next transaction as soon as their previous one committed.
 */
export async function benchWrites(
  context: INestApplicationContext,
  transactions: number,
  clients: number,
  signal: AbortSignal,
): Promise<WriteResult> {
  await warmUp(context);
  // One untimed transaction per client first: opens the pool's connections.
  await allSettledOrThrow(
    Array.from({ length: clients }, (_, i) => recordPing(context, `warm-up ${i}`)),
  );
  await context.get(DataSource).query('TRUNCATE outbox_events');

  const timed = await runConcurrent(transactions, clients, signal, (i) =>
    recordPing(context, `write ${i}`),
  );
  return {
    ...timed,
    transactions,
    rowsFound: await countRows(context.get(DataSource)),
  };
}

// ---------------------------------------------------------------------------------------------
// 2. Relay throughput
// ---------------------------------------------------------------------------------------------

export interface RelayCheck {
  /** The sum of what relayBatch() reported over all relays: above `events` means a double publish. */
  reportedPublished: number;
  /** Jobs in the BullMQ queue, over every state. */
  jobsInQueue: number;
  /** Events whose derived job id is in the queue. */
  eventsWithJob: number;
  /** Events still pending after the relays stopped. */
  stillPending: number;
  /** Events marked published more than once (attempts is incremented on each publish). */
  publishedTwice: number;
  ok: boolean;
}

export interface RelayResult {
  relays: number;
  events: number;
  elapsedMs: number;
  perSecond: number;
  batches: number[];
  publishedPerRelay: number[];
  check: RelayCheck;
}

const RELAY_WARM_UP_EVENTS = 500;

/** Commits `events` pending outbox events in one statement (not timed). */
export async function seedPendingEvents(
  context: INestApplicationContext,
  events: number,
): Promise<void> {
  const dataSource = context.get(DataSource);
  await dataSource.query(
    `INSERT INTO outbox_events (type, payload)
     SELECT $1, jsonb_build_object('note', 'relay ' || g) FROM generate_series(1, $2) AS g`,
    [JobName.SystemPing, events],
  );
  await dataSource.query('ANALYZE outbox_events');
}

/** Calls relayBatch() until it returns 0, as the worker's runner does while batches come back full. */
async function drain(
  relay: OutboxRelayService,
  signal: AbortSignal,
): Promise<{ published: number; batches: number }> {
  let published = 0;
  let batches = 0;
  for (;;) {
    signal.throwIfAborted();
    const count = await relay.relayBatch();
    if (count === 0) return { published, batches };
    published += count;
    batches += 1;
  }
}

async function checkRelay(
  context: INestApplicationContext,
  events: number,
  reportedPublished: number,
): Promise<RelayCheck> {
  const dataSource = context.get(DataSource);
  const queue = context.get(JobQueueService).queue(QueueName.System);
  const counts = await queue.getJobCounts(...ALL_JOB_STATES);
  const jobsInQueue = Object.values(counts).reduce((sum, count) => sum + count, 0);
  const jobIds = new Set(await queue.getRanges(ALL_JOB_STATES, 0, -1));
  const rows: { id: string }[] = await dataSource.query('SELECT id FROM outbox_events');
  const eventsWithJob = rows.filter((row) => jobIds.has(outboxJobId(row.id))).length;
  const stillPending = await countRows(dataSource, 'published_at IS NULL');
  const publishedTwice = await countRows(dataSource, 'attempts <> 1');
  return {
    reportedPublished,
    jobsInQueue,
    eventsWithJob,
    stillPending,
    publishedTwice,
    ok:
      rows.length === events &&
      reportedPublished === events &&
      jobsInQueue === events &&
      eventsWithJob === events &&
      stillPending === 0 &&
      publishedTwice === 0,
  };
}

/**
 * Times `relayContexts.length` relays (one per Nest context, as separate worker processes
 * would be) publishing `events` committed events concurrently, then checks that every event
 * became exactly one job. `admin` seeds and checks; it runs no relay.
 */
export async function benchRelay(
  admin: INestApplicationContext,
  relayContexts: INestApplicationContext[],
  events: number,
  signal: AbortSignal,
): Promise<RelayResult> {
  await allSettledOrThrow(relayContexts.map((context) => warmUp(context)));
  // Untimed round first: loads BullMQ's scripts and warms the code paths of every relay.
  await resetOutboxAndQueue(admin);
  await seedPendingEvents(admin, RELAY_WARM_UP_EVENTS);
  await allSettledOrThrow(
    relayContexts.map((context) => drain(context.get(OutboxRelayService), signal)),
  );
  await resetOutboxAndQueue(admin);
  await seedPendingEvents(admin, events);

  const started = performance.now();
  const runs = await allSettledOrThrow(
    relayContexts.map((context) => drain(context.get(OutboxRelayService), signal)),
  );
  const elapsedMs = performance.now() - started;

  const reported = runs.reduce((sum, run) => sum + run.published, 0);
  return {
    relays: relayContexts.length,
    events,
    elapsedMs,
    perSecond: (events / elapsedMs) * 1000,
    batches: runs.map((run) => run.batches),
    publishedPerRelay: runs.map((run) => run.published),
    check: await checkRelay(admin, events, reported),
  };
}
