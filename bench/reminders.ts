import '../libs/core/src/runtime/register-aliases';
/**
 * `npm run bench:reminders` (issue 6): plans the reminders of BENCH_ACTIONS (100,000) actions
 * under the default policy, then delivers BENCH_DUE (10,000) due ones to a local SMTP sink,
 * and prints the scheduling time, the deliveries per second (digest off) and the worker's
 * memory.
 *
 * - Scheduling runs the worker's own path (ReminderScheduler.rescheduleProgramme, as after a
 *   policy change) in this process; for comparison it times BullMQ alone adding as many
 *   delayed jobs as there are actions.
 * - Delivery runs the real worker (dist/apps/worker) as a child process, so that its memory
 *   is its own: the clock is moved (clock travel) to the moment BENCH_DUE deadlines fall due,
 *   and the reminders go out through the queue: reminder → notification → e-mail.
 *
 * Servers as the other benchmarks (BENCH_DATABASE_URL / BENCH_REDIS_URL, else local ones);
 * WORKER_CONCURRENCY and MAIL_CONCURRENCY (BENCH_WORKER_CONCURRENCY 10, BENCH_MAIL_CONCURRENCY
 * 20) set the worker's parallelism.
 */
import { Queue } from 'bullmq';
import IORedis from 'ioredis';
import { DataSource } from 'typeorm';
import { type AppConfig, Clock, QueueName } from '@app/core';
import { ReminderScheduler } from '@app/reminders';
import { SmtpSink } from '../scripts/services/smtp-sink';
import {
  type BenchSetup,
  createContext,
  ms,
  positiveInt,
  rate,
  runBench,
  say,
  sleep,
  table,
} from './harness';
import { DUE_DATE, DUE_MOMENT, OWNERS, PLANNED_AT, schedulingModule, seed } from './reminders-seed';
import { memoryOf } from './process-memory';
import { startWorker } from './worker-child';

async function bullmqBaseline(config: AppConfig, count: number): Promise<number> {
  const redis = new IORedis(config.redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue('bench-baseline', { connection: redis, prefix: config.redis.prefix });
  try {
    const started = performance.now();
    for (let start = 0; start < count; start += 1000) {
      await queue.addBulk(
        Array.from({ length: Math.min(1000, count - start) }, (_, i) => ({
          name: 'baseline',
          data: { reminderId: `r${start + i}`, dueAt: DUE_MOMENT },
          opts: { jobId: `baseline-${start + i}`, delay: 86_400_000 + i },
        })),
      );
    }
    return performance.now() - started;
  } finally {
    await queue.obliterate({ force: true }).catch(() => undefined);
    await queue.close();
    redis.disconnect();
  }
}

async function main({ config, environment, cleanup, signal }: BenchSetup): Promise<boolean> {
  const actions = positiveInt('BENCH_ACTIONS', 100_000);
  const due = Math.min(positiveInt('BENCH_DUE', 10_000), actions);
  const workerConcurrency = positiveInt('BENCH_WORKER_CONCURRENCY', 10);
  const mailConcurrency = positiveInt('BENCH_MAIL_CONCURRENCY', 20);
  const sink = new SmtpSink({ parse: false });
  const smtpUrl = await sink.start();
  cleanup.add('stop the SMTP sink', () => sink.stop());

  // --- Data ------------------------------------------------------------------------------------
  const dataSource = new DataSource({ type: 'postgres', url: config.database.url });
  await dataSource.initialize();
  cleanup.add('close the bench connection', () => dataSource.destroy());
  say(`Seeding ${rate(actions)} actions (${rate(due)} due on ${DUE_DATE}), ${OWNERS} owners...`);
  const seeded = performance.now();
  const programmeId = await seed(dataSource, actions, due);
  say(`   ${ms(performance.now() - seeded)} ms`);

  // --- 1. Scheduling -------------------------------------------------------------------------
  say(
    `1. Planning the reminders of ${rate(actions)} actions (ReminderScheduler, the worker's path)...`,
  );
  const context = await createContext(schedulingModule(config) as never);
  cleanup.add('close the scheduling context', () => context.close());
  context.get(Clock).travel(Date.parse(PLANNED_AT) - Date.now());
  const planStarted = performance.now();
  const planned = await context.get(ReminderScheduler).rescheduleProgramme(programmeId);
  const planMs = performance.now() - planStarted;
  const [rows] = await dataSource.query<{ rows: number; due: number }[]>(
    `SELECT count(*)::int AS rows, count(*) FILTER (WHERE due_at = $1)::int AS due FROM reminders`,
    [new Date(DUE_MOMENT.replace(':05Z', ':00Z'))],
  );
  const reminderQueue = new Queue(QueueName.Reminders, {
    connection: new IORedis(config.redis.url, { maxRetriesPerRequest: null }),
    prefix: config.redis.prefix,
  });
  cleanup.add('close the inspection queue', () => reminderQueue.close());
  const queued = await reminderQueue.getJobCountByTypes('delayed', 'waiting');
  say(`   ${rate(rows.rows)} rows in ${ms(planMs)} ms; ${rate(queued)} jobs within the horizon`);
  await context.close();
  say(`   BullMQ alone, ${rate(actions)} delayed jobs in batches of 1,000...`);
  const baselineMs = await bullmqBaseline(config, actions);
  say(`   ${ms(baselineMs)} ms`);

  // --- 2. Delivery -----------------------------------------------------------------------------
  say(`2. Delivering ${rate(due)} due reminders through the worker (child process), digest off...`);
  const workerEnvironment = {
    ...environment,
    SMTP_URL: smtpUrl,
    CLOCK_TRAVEL: 'true',
    NODE_ENV: 'development',
    WORKER_CONCURRENCY: String(workerConcurrency),
    MAIL_CONCURRENCY: String(mailConcurrency),
    DATABASE_POOL_SIZE: String(workerConcurrency + mailConcurrency + 10),
    REMINDER_RECONCILE_INTERVAL_SECONDS: '3600',
  };
  const worker = await startWorker(workerEnvironment, environment.WORKER_HEALTH_FILE);
  cleanup.add('stop the worker', async () => {
    worker.kill('SIGTERM');
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    if (!(await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]))) {
      worker.kill('SIGKILL');
    }
  });
  const idle = memoryOf(worker.pid!);
  const redis = new IORedis(config.redis.url);
  cleanup.add('close the clock connection', () => Promise.resolve(redis.disconnect()));
  const samples: number[] = [];
  const sampler = setInterval(() => {
    const memory = memoryOf(worker.pid!);
    if (memory) samples.push(memory.rss);
  }, 100);
  cleanup.add('stop sampling', () => Promise.resolve(clearInterval(sampler)));

  const deliveryStarted = performance.now();
  // Clock travel: every process of the system follows within a second, and the worker
  // reconciles at once, queueing what has come due.
  await redis.set(
    `${config.redis.prefix}:clock-offset-ms`,
    String(Date.parse(DUE_MOMENT) - Date.now()),
  );
  let firstMailMs: number | undefined;
  // Resident memory as a quarter, half, three quarters of the e-mails are in: flat when the
  // worker's memory does not grow with what is left to send.
  const byQuarter: number[] = [];
  while (sink.messages.length < due) {
    signal.throwIfAborted();
    if (firstMailMs === undefined && sink.messages.length > 0)
      firstMailMs = performance.now() - deliveryStarted;
    while (byQuarter.length < 3 && sink.messages.length >= (due * (byQuarter.length + 1)) / 4) {
      byQuarter.push(memoryOf(worker.pid!)?.rss ?? 0);
    }
    await sleep(20);
  }
  const deliveryMs = performance.now() - deliveryStarted;
  clearInterval(sampler);
  await sleep(1000);
  const after = memoryOf(worker.pid!);
  const [state] = await dataSource.query<{ sent: number; reminders: number }[]>(
    `SELECT (SELECT count(*) FROM email_deliveries WHERE state = 'sent')::int AS sent,
            (SELECT count(*) FROM reminders WHERE state = 'sent')::int AS reminders`,
  );
  const keys = new Set(sink.messages.map((message) => message.deliveryKey));
  const steady = firstMailMs === undefined ? deliveryMs : deliveryMs - firstMailMs;
  const sorted = [...samples].sort((a, b) => a - b);
  say();

  const onceOk = keys.size === due && sink.messages.length === due && state.sent === due;
  const summary: Array<[string, string]> = [
    [
      'Actions / rows planned',
      `${rate(actions)} / ${rate(rows.rows)} (${rate(rows.due)} due at ${DUE_MOMENT})`,
    ],
    [
      'Scheduling (target ≤ 10 s)',
      `${ms(planMs)} ms (${rate((planned / planMs) * 1000)} actions/s)`,
    ],
    [
      'Jobs in Redis after scheduling',
      `${rate(queued)} (the horizon: REMINDER_JOB_HORIZON_HOURS=${config.reminders.jobHorizonHours})`,
    ],
    ['BullMQ alone, as many delayed jobs', `${ms(baselineMs)} ms`],
    [
      'Delivery: clock moved → all e-mails in',
      `${ms(deliveryMs)} ms (first after ${ms(firstMailMs ?? 0)} ms)`,
    ],
    ['Deliveries/s (target ≥ 500), overall', rate((due / deliveryMs) * 1000)],
    ['Deliveries/s from the first e-mail', rate((due / steady) * 1000)],
    ['Worker concurrency (reminders / mail)', `${workerConcurrency} / ${mailConcurrency}`],
    [
      'Worker memory at 25 / 50 / 75 % sent',
      `${byQuarter.map((rss) => rss.toFixed(0)).join(' / ')} MiB`,
    ],
    [
      'Worker memory: idle / p50 / max / peak (HWM) / after',
      `${idle?.rss.toFixed(0)} / ${sorted[Math.floor(sorted.length / 2)]?.toFixed(0)} / ${sorted.at(-1)?.toFixed(0)} / ${after?.peak.toFixed(0)} / ${after?.rss.toFixed(0)} MiB`,
    ],
    [
      'Exactly once',
      `${onceOk ? 'OK' : 'FAILED'}: ${sink.messages.length} e-mails, ${keys.size} delivery keys, ${state.sent} deliveries sent, ${state.reminders} reminders sent`,
    ],
  ];
  say('Summary');
  for (const line of table(summary)) say(line);
  return onceOk;
}

say('Sterk Bestuur Tracker: reminders benchmark');
say();
runBench({}, main, 900_000);
