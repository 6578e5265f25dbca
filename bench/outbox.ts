import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:outbox`: figures for the transactional outbox. Runs against BENCH_DATABASE_URL /
 * DATABASE_URL and BENCH_REDIS_URL / REDIS_URL, else against an embedded PostgreSQL and a
 * local Redis under .data/. Works in a fresh database `sbt_bench_<id>` and under the Redis
 * prefix `sbt-bench-<id>`, both removed at the end, also when something fails.
 *
 * Sizes: BENCH_TRANSACTIONS (2000), BENCH_EVENTS (5000); BENCH_TIMEOUT_MS (300000) bounds it.
 */
import type { INestApplicationContext } from '@nestjs/common';
import { RelayResult, WriteResult, benchRelay, benchWrites, coreContext } from './outbox.bench';
import { EndToEndResult, benchEndToEnd } from './outbox-end-to-end.bench';
import { type BenchSetup, ms, positiveInt, rate, runBench, say, table } from './harness';

const WRITE_CLIENTS = 32;
const RELAY_BATCH_SIZE = 100;
const POLL_INTERVAL_MS = 50;
const E2E_SAMPLES = 20;

function relayRows(result: RelayResult): Array<[string, string]> {
  const label = `Relay, ${result.relays} relay${result.relays === 1 ? '' : 's'}`;
  const { check } = result;
  return [
    [
      `${label}: events/s`,
      `${rate(result.perSecond)} (${result.events} events in ${ms(result.elapsedMs)} ms)`,
    ],
    [
      `${label}: published per relay`,
      `${result.publishedPerRelay.join(' + ')} in ${result.batches.join(' + ')} batches`,
    ],
    [
      `${label}: exactly one job per event`,
      `${check.ok ? 'OK' : 'FAILED'}: jobs in queue ${check.jobsInQueue} == ${result.events} events; ` +
        `with job ${check.eventsWithJob}, pending ${check.stillPending}, published twice ${check.publishedTwice}`,
    ],
  ];
}

async function main({ config, cleanup, signal }: BenchSetup): Promise<boolean> {
  const transactions = positiveInt('BENCH_TRANSACTIONS', 2000);
  const events = positiveInt('BENCH_EVENTS', 5000);
  say(`Settings: pool 40, outbox batch ${RELAY_BATCH_SIZE}, poll interval ${POLL_INTERVAL_MS} ms`);
  say();

  // --- Contexts -------------------------------------------------------------------------------
  const contexts: INestApplicationContext[] = [];
  cleanup.add('close Nest contexts', () =>
    Promise.all(contexts.splice(0).map((context) => context.close())),
  );
  const open = async (): Promise<INestApplicationContext> => {
    const context = await coreContext(config);
    contexts.push(context);
    return context;
  };
  const [producer, relayA, relayB] = [await open(), await open(), await open()];

  say(`1. Write throughput: ${transactions} transactions, ${WRITE_CLIENTS} concurrent clients...`);
  const writes: WriteResult = await benchWrites(producer, transactions, WRITE_CLIENTS, signal);
  say(`   ${rate(writes.perSecond)} tx/s, p50 ${ms(writes.p50)} ms`);

  say(`2. Relay throughput: ${events} pending events, 1 relay...`);
  const relayOne = await benchRelay(producer, [relayA], events, signal);
  say(`   ${rate(relayOne.perSecond)} events/s, check ${relayOne.check.ok ? 'OK' : 'FAILED'}`);
  say(`   ${events} pending events, 2 relays in 2 Nest contexts...`);
  const relayTwo = await benchRelay(producer, [relayA, relayB], events, signal);
  say(`   ${rate(relayTwo.perSecond)} events/s, check ${relayTwo.check.ok ? 'OK' : 'FAILED'}`);

  say(`3. End-to-end latency: ${E2E_SAMPLES} events, commit -> job completed by the worker...`);
  const e2e: EndToEndResult = await benchEndToEnd(producer, config, E2E_SAMPLES, signal);
  say(`   median ${ms(e2e.median)} ms`);
  say();

  const writesOk = writes.rowsFound === transactions;
  const summary: Array<[string, string]> = [
    [
      'Writes: transactions/s',
      `${rate(writes.perSecond)} (${transactions} tx, ${WRITE_CLIENTS} clients, ${ms(writes.elapsedMs)} ms)`,
    ],
    [
      'Writes: latency p50 / p95 / p99 (max)',
      `${ms(writes.p50)} / ${ms(writes.p95)} / ${ms(writes.p99)} ms (${ms(writes.max)} ms)`,
    ],
    [
      'Writes: events committed',
      `${writesOk ? 'OK' : 'FAILED'}: ${writes.rowsFound} == ${transactions}`,
    ],
    ...relayRows(relayOne),
    ...relayRows(relayTwo),
    [
      'End-to-end: median commit -> completed',
      `${ms(e2e.median)} ms (min ${ms(e2e.min)}, p95 ${ms(e2e.p95)}, max ${ms(e2e.max)}; n=${e2e.samples})`,
    ],
  ];
  say('Summary');
  for (const line of table(summary)) say(line);
  return writesOk && relayOne.check.ok && relayTwo.check.ok;
}

say('Sterk Bestuur Tracker: transactional outbox benchmark');
say();
runBench(
  {
    OUTBOX_BATCH_SIZE: String(RELAY_BATCH_SIZE),
    OUTBOX_POLL_INTERVAL_MS: String(POLL_INTERVAL_MS),
  },
  main,
);
