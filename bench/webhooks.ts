import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:webhooks` (issue 21, part 7): BENCH_WEBHOOK_EVENTS (10,000) events fanned out
 * to three subscriptions and delivered to a local receiver, at least 300 deliveries/s, none
 * lost, duplicates counted (delivery is at least once).
 *
 * One programme, three subscriptions made through WebhookSubscriptionsService, each to its
 * own path of one receiver (webhooks-receiver.ts: verifies every signature with the
 * `standardwebhooks` package, answers 204, counts per subscription and webhook-id). The
 * events are actions created through ActionsService, the API's path. The real worker
 * (dist/apps/worker, with the benchmarks' statement counter, as `bench:imports` runs it) is a
 * child process, so that its memory and CPU are its own. Rounds:
 *
 * - live: the worker runs (WEBHOOK_CONCURRENCY = the first of the list) while the events are
 *   created; measured from the first creation to the last arrival, with the latency from each
 *   event's time (CloudEvent `time`) to its arrival. The worker also relays the creations'
 *   outbox events, as it would in production.
 * - backlog, for each of BENCH_WEBHOOK_CONCURRENCIES (32,64): the deliveries are emptied and
 *   the fan-out cursor put back before the events, then a fresh worker fans the 10,000 events
 *   out again (new event ids) and delivers them: fan-out and delivery alone, nothing else to
 *   do. Measured from the worker's start (ready: its health file) to the last arrival.
 *
 * BENCH_WEBHOOK_WRITERS (4) concurrent writers create the events; BENCH_WEBHOOK_VERIFY_EVERY
 * (1) verifies every n-th message; BENCH_WEBHOOK_PROFILE=1 also profiles the worker's CPU and
 * counts its statements by text over each round (the figures then carry the overhead);
 * BENCH_WEBHOOK_LIVE=0 skips the live round: the events are made before any worker runs, and
 * the first backlog round's worker then also relays their outbox events.
 */
import { rmSync } from 'node:fs';
import { DataSource } from 'typeorm';
import {
  type BenchSetup,
  createContext,
  ms,
  positiveInt,
  rate,
  runBench,
  say,
  table,
} from './harness';
import { postgresLatency, postmasterOf } from './imports-postgres';
import { startWorker } from './imports-processes';
import { CountingReceiver } from './webhooks-receiver';
import { type RoundFigures, runRound, summaryRows } from './webhooks-round';
import { createActions, seedProgramme, subscribe, webhooksBenchModule } from './webhooks-seed';

const SUBSCRIPTIONS = ['vng-dashboard', 'ipo-monitor', 'uvw-archief'];
/** The target of issue 21, part 7. */
const TARGET_PER_SECOND = 300;

function concurrencies(): number[] {
  const raw = process.env.BENCH_WEBHOOK_CONCURRENCIES || '32,64';
  const values = raw.split(',').map((entry) => Number(entry.trim()));
  if (values.some((value) => !Number.isInteger(value) || value < 1 || value > 500))
    throw new Error(`BENCH_WEBHOOK_CONCURRENCIES=${raw} is not a list of integers 1..500`);
  return values;
}

async function main({ config, environment, cleanup, signal }: BenchSetup): Promise<boolean> {
  const events = positiveInt('BENCH_WEBHOOK_EVENTS', 10_000);
  const writers = positiveInt('BENCH_WEBHOOK_WRITERS', 4);
  const verifyEvery = positiveInt('BENCH_WEBHOOK_VERIFY_EVERY', 1);
  const profile = process.env.BENCH_WEBHOOK_PROFILE === '1';
  const live = process.env.BENCH_WEBHOOK_LIVE !== '0';
  const levels = concurrencies();
  const expected = events * SUBSCRIPTIONS.length;

  const receiver = new CountingReceiver(verifyEvery);
  const base = await receiver.start();
  cleanup.add('stop the receiver', () => receiver.stop());
  const dataSource = new DataSource({ type: 'postgres', url: config.database.url });
  await dataSource.initialize();
  cleanup.add('close the bench connection', () => dataSource.destroy());
  const latency = await postgresLatency(dataSource);
  const postmaster = await postmasterOf(dataSource);

  say('Seeding a programme and subscribing three receivers (WebhookSubscriptionsService)...');
  const seeded = await seedProgramme(dataSource);
  const context = await createContext(webhooksBenchModule(config) as never);
  cleanup.add('close the bench context', () => context.close());
  const paths = SUBSCRIPTIONS.map((name) => `/hooks/${name}`);
  const secrets = await subscribe(
    context,
    seeded,
    paths.map((path) => `${base}${path}`),
  );
  paths.forEach((path, index) => receiver.add(path, secrets[index]));
  const [{ before }] = await dataSource.query<{ before: string }[]>(
    'SELECT coalesce(max(sequence), 0)::text AS before FROM audit_events',
  );

  const workerEnvironment = (concurrency: number) => ({
    ...environment,
    WEBHOOK_ALLOW_HTTP: 'true',
    WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32',
    WEBHOOK_CONCURRENCY: String(concurrency),
  });
  const round = (
    label: string,
    concurrency: number,
    live: boolean,
    events: () => Promise<string>,
  ) => {
    // A health file left by the round before would pass for this worker's.
    rmSync(environment.WORKER_HEALTH_FILE, { force: true });
    receiver.reset();
    return runRound({
      label,
      concurrency,
      expected,
      config,
      dataSource,
      receiver,
      signal,
      postmaster,
      profile,
      live,
      start: () => startWorker(workerEnvironment(concurrency), cleanup),
      events,
    });
  };

  const rounds: RoundFigures[] = [];
  let lastSequence = '';
  let createdPerSecond = 0;
  const makeEvents = async (): Promise<string> => {
    const created = await createActions(context, seeded, events, writers, signal);
    createdPerSecond = created.perSecond;
    const [{ last }] = await dataSource.query<{ last: string }[]>(
      'SELECT max(sequence)::text AS last FROM audit_events',
    );
    lastSequence = last;
    say(`   created in ${ms(created.elapsedMs)} ms (${rate(created.perSecond)}/s)`);
    return last;
  };
  if (live) {
    say(
      `1. live: creating ${rate(events)} actions (${writers} writers) while the worker ` +
        `(WEBHOOK_CONCURRENCY=${levels[0]}) delivers...`,
    );
    rounds.push(await round(`live, concurrency ${levels[0]}`, levels[0], true, makeEvents));
  } else {
    say(`1. creating ${rate(events)} actions (${writers} writers), no worker running...`);
    await makeEvents();
  }
  for (const [index, concurrency] of levels.entries()) {
    say(`${index + 2}. backlog: ${rate(events)} events already in the log, a fresh worker`);
    say(`   (WEBHOOK_CONCURRENCY=${concurrency}) fans them out and delivers...`);
    // The same events again: no deliveries, the fan-out cursor just before the first event.
    await dataSource.query('TRUNCATE webhook_deliveries');
    await dataSource.query('UPDATE webhook_fanout_cursor SET sequence = $1::bigint', [before]);
    rounds.push(
      await round(`backlog, concurrency ${concurrency}`, concurrency, false, () =>
        Promise.resolve(lastSequence),
      ),
    );
  }

  say();
  say('Summary');
  const header: Array<[string, string]> = [
    ['Events / subscriptions / deliveries', `${rate(events)} / 3 / ${rate(expected)}`],
    [
      'Events created (ActionsService, live round)',
      `${rate(createdPerSecond)}/s, ${writers} writers`,
    ],
    ['Receiver', `node:http on 127.0.0.1, verifies 1 in ${verifyEvery} (standardwebhooks), 204`],
    [
      'PostgreSQL',
      `${latency.settings}; round trip ${latency.roundTripMs.toFixed(2)} ms, commit ${latency.commitMs.toFixed(2)} ms`,
    ],
    [
      'Worker settings',
      `DATABASE_POOL_SIZE=${environment.DATABASE_POOL_SIZE}, WEBHOOK_POLL_INTERVAL_MS=${config.webhooks.pollIntervalMs}`,
    ],
  ];
  for (const line of table([...header, ...summaryRows(rounds, TARGET_PER_SECOND)])) say(line);
  return rounds.every((figures) => figures.ok);
}

say('Sterk Bestuur Tracker: webhooks benchmark');
say();
runBench({ WEBHOOK_ALLOW_HTTP: 'true', WEBHOOK_ALLOWED_NETWORKS: '127.0.0.1/32' }, main, 1_800_000);
