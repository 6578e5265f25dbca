import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import IORedis from 'ioredis';
import { JobQueueService, QueueName } from '@app/core';
import { ReminderDispatcher } from '@app/reminders';
import { eventually, testEnvironment } from '../../../test/support/e2e';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';
import { deleteRedisKeys, withAdmin } from '../../../scripts/services/scratch-database';
import { JobWorkersHost } from '../src/jobs/job-workers.host';

const root = resolve(__dirname, '../../..');
const QUIET_OFF = {
  daysBefore: [14, 3],
  onDeadlineDay: true,
  overdueRepeatDays: 7,
  staleAfterDays: null,
  updateRoundReminderDaysBefore: 0,
  escalation: [],
  skipWeekends: false,
  skipHolidays: false,
  sendHour: 0,
  digest: false,
};

/**
 * Deletes every key of a prefix. Every key the apps use lives under their REDIS_PREFIX
 * (BullMQ's queues and job schedulers, the clock offset, the log-in throttle), so for this
 * world's worker it is what FLUSHALL, or a Redis restarted without its data, does; other test
 * runs share this Redis under prefixes of their own, and keep their keys.
 */
const wipe = (url: string, prefix: string) => deleteRedisKeys(url, `${prefix}:`);

/** Each delivery key as often as the mail server received it. */
function receipts(keys: string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

describe('exactly once, from the recipient’s view', () => {
  // Every worker of a queue must share one lock duration: a longer one's stall check would
  // silence the others' for its length. 3 s here, so a killed worker's jobs come back soon.
  // Schedules checked every second: a Redis that lost them gets them back within one.
  const world = new ReminderWorld('exactly_once', {
    WORKER_LOCK_DURATION_MS: '3000',
    JOB_SCHEDULE_CHECK_SECONDS: '1',
  });
  let cast: TrackingCast;

  beforeAll(() => world.start());
  afterAll(() => world.stop());
  beforeEach(async () => {
    world.sink.clear();
    world.travel(new Date().toISOString());
    cast = await world.cast();
  });

  const mailsAbout = (title: string) =>
    world.sink.to(cast.editor.email).filter((mail) => mail.subject.includes(title));

  /**
   * An action whose deadline-day reminder is due, and that reminder's row; the policy has
   * only the deadline day and the day after, so nothing else goes out meanwhile.
   */
  async function dueReminder() {
    const policy = await world
      .http()
      .put(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send({ ...QUIET_OFF, daysBefore: [], sendHour: 9, overdueRepeatDays: null });
    expect(policy.status).toBe(200);
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    const [row] = await world.reminders(cast, action.id);
    expect(row).toMatchObject({ kind: 'deadline_today', state: 'scheduled' });
    world.travel('2031-12-08T08:00:10Z');
    return { action, row };
  }

  it('sends a reminder once when its job is enqueued twice and run at the same time', async () => {
    const { action, row } = await dueReminder();
    const dispatcher = world.worker.get(ReminderDispatcher);
    const reconciled = Promise.all([world.reconcile(), world.reconcile()]);
    const reports = await Promise.all([
      dispatcher.dispatch(cast.programmeId, row.dueAt),
      dispatcher.dispatch(cast.programmeId, row.dueAt),
    ]);
    await reconciled;
    // At most one of the two sends it: the worker's own job (the reconciler enqueued it) may
    // have come first on a busy machine. That it went out exactly once is checked below.
    expect(reports.map((report) => report.sent).sort()).toContainEqual(0);
    expect(reports.reduce((sum, report) => sum + report.sent, 0)).toBeLessThanOrEqual(1);
    await eventually(() =>
      mailsAbout(action.title).some((m) => m.subject.startsWith('Deadline vandaag')),
    );
    await world.settled();
    await world.reconcile();
    await world.settled();
    expect(
      mailsAbout(action.title).filter((m) => m.subject.startsWith('Deadline vandaag')),
    ).toHaveLength(1);
    const [count] = await world.dataSource.query(
      `SELECT count(*)::int AS n FROM notifications WHERE source_key = $1`,
      [`reminder:${row.id}`],
    );
    expect(count.n).toBe(1);
  });

  it('retries an e-mail the mail server refused, and it arrives once', async () => {
    world.sink.refuse(cast.editor.email, 2);
    const { action } = await dueReminder();
    await world.reconcile();
    await eventually(() => mailsAbout(action.title).length > 0);
    await world.settled();
    expect(world.sink.refused).toBe(2);
    expect(mailsAbout(action.title)).toHaveLength(1);
    const [delivery] = await world.dataSource.query(
      `SELECT d.state, d.attempts FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
        WHERE n.action_id = $1`,
      [action.id],
    );
    expect(delivery).toEqual({ state: 'sent', attempts: 3 });
  });

  it('gives up after the last attempt, visibly to coordinators, who can send it again', async () => {
    world.sink.refuse(cast.editor.email, 3);
    const { action } = await dueReminder();
    await world.reconcile();
    const coordinator = (path: string) =>
      world.http().get(path).set('Authorization', `Bearer ${cast.coordinator.token}`);
    const [failed] = await eventually(async () => {
      const res = await coordinator(`/v1/programmes/${cast.programmeId}/deliveries?state=failed`);
      return res.body.data.length > 0 && res.body.data;
    });
    expect(failed).toMatchObject({
      state: 'failed',
      attempts: 3,
      userId: cast.editor.userId,
      kind: 'deadline_today',
    });
    expect(failed.lastError).toContain('451');
    expect(mailsAbout(action.title)).toHaveLength(0);
    expect(
      (
        await world
          .http()
          .get(`/v1/programmes/${cast.programmeId}/deliveries`)
          .set('Authorization', `Bearer ${cast.editor.token}`)
      ).status,
    ).toBe(403);

    const retried = await world
      .http()
      .post(`/v1/programmes/${cast.programmeId}/deliveries/${failed.id}/retry`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ state: 'pending', attempts: 0 });
    await eventually(() => mailsAbout(action.title).length > 0);
    await world.settled();
    expect(mailsAbout(action.title)).toHaveLength(1);
    const again = await world
      .http()
      .post(`/v1/programmes/${cast.programmeId}/deliveries/${failed.id}/retry`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`);
    expect(again.status).toBe(409);
  });

  it('loses nothing and sends nothing twice when Redis loses its data', async () => {
    const { action, row } = await dueReminder();
    // What was already sent stays sent: a reminder of the same action that went out before.
    await world.reconcile();
    await eventually(() => mailsAbout(action.title).length === 1);
    await world.settled();
    expect(
      await world.dataSource.query('SELECT state FROM reminders WHERE id = $1', [row.id]),
    ).toEqual([{ state: 'sent' }]);

    // A later reminder's job sits in Redis, delayed; then Redis loses everything of ours.
    world.travel('2031-12-08T10:00:00Z');
    await world.reconcile();
    const redis = new IORedis(world.config.redis.url);
    try {
      const keys = await redis.keys(`${world.config.redis.prefix}:*`);
      expect(keys.length).toBeGreaterThan(0);
      await redis.del(...keys);
    } finally {
      redis.disconnect();
    }
    world.travel('2031-12-09T08:00:10Z');
    await world.reconcile();
    await eventually(() =>
      mailsAbout(action.title).some((m) => m.subject.startsWith('Deadline verstreken')),
    );
    await world.settled();
    await world.reconcile();
    await world.settled();
    const keys = receipts(mailsAbout(action.title).map((mail) => mail.deliveryKey));
    expect([...keys.values()]).toEqual([1, 1]);
  });

  it('registers its repeating jobs again when Redis loses them, and sends every due reminder once, without a restart', async () => {
    const actions = 30;
    const moment = '2031-12-08T08:00:00.000Z';
    await world.putPolicy(cast, {
      ...QUIET_OFF,
      daysBefore: [],
      sendHour: 9,
      overdueRepeatDays: null,
    });
    world.travel('2031-11-20T10:00:00Z');
    const titles = new Set<string>();
    for (let i = 0; i < actions; i += 1) {
      titles.add((await world.createAction(cast, { deadline: '2031-12-08' })).title);
    }
    await eventually(async () => {
      const [row] = await world.dataSource.query(
        `SELECT count(*)::int AS n FROM reminders
          WHERE programme_id = $1 AND state = 'scheduled' AND due_at = $2`,
        [cast.programmeId, moment],
      );
      return row.n === actions;
    });
    // Three seconds before the moment: the reconciler puts its job on the queue, delayed.
    world.travel(new Date(Date.parse(moment) - 3_000).toISOString());
    const queues = world.worker.get(JobQueueService);
    const jobId = `reminders-${cast.programmeId}-${Date.parse(moment)}`;
    await eventually(
      async () => (await queues.queue(QueueName.Reminders).getJob(jobId)) !== undefined,
    );

    // Then Redis loses everything: the delayed job, and the schedules that would repair it.
    expect(await wipe(world.config.redis.url, world.config.redis.prefix)).toBeGreaterThan(0);

    // No restart, no reconcile by hand: the worker finds its schedules gone and registers them
    // again; the reconciler's first run puts the moment back on the queue.
    const sent = () =>
      mailsAbout('').filter((mail) => titles.has(mail.subject.replace(/^Deadline vandaag: /, '')));
    await eventually(() => sent().length >= actions, 20_000, 100);
    await world.settled();
    await world.reconcile();
    await world.settled();
    expect(new Set(sent().map((mail) => mail.deliveryKey)).size).toBe(actions);
    expect(sent()).toHaveLength(actions);
    for (const [queue, id] of [
      [QueueName.Reminders, 'reminders-reconcile'],
      [QueueName.Audit, 'audit-checkpoint'],
      [QueueName.Reports, 'report-exports-purge'],
    ] as const) {
      expect(await queues.queue(queue).getJobScheduler(id)).toMatchObject({ key: id });
    }
  });

  it('keeps the API and the worker running when PostgreSQL ends all their connections under load, and both recover', async () => {
    await world.putPolicy(cast, {
      ...QUIET_OFF,
      daysBefore: [],
      sendHour: 9,
      overdueRepeatDays: null,
    });
    world.travel('2031-11-20T10:00:00Z');
    const database = new URL(world.config.database.url).pathname.slice(1);
    const terminate = () =>
      withAdmin(process.env.SBT_TEST_SERVER_URL!, (admin) =>
        admin.query(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
            WHERE datname = $1 AND pid <> pg_backend_pid()`,
          [database],
        ),
      );
    // Load: signed-in reads, and writes whose outbox events keep the worker busy.
    const statuses: number[] = [];
    let stop = false;
    const client = async (writer: boolean) => {
      while (!stop) {
        const res = writer
          ? await world
              .http()
              .post('/v1/actions')
              .set('Authorization', `Bearer ${cast.editor.token}`)
              .send({
                programmeId: cast.programmeId,
                trackId: cast.trackId,
                title: `Onder belasting ${statuses.length}`,
                ownerOrganisationId: cast.owner.id,
                ownerUserId: cast.editor.userId,
                deadline: '2031-12-08',
              })
          : await world
              .http()
              .get('/v1/actions?limit=20')
              .set('Authorization', `Bearer ${cast.editor.token}`);
        statuses.push(res.status);
      }
    };
    const load = [client(true), client(false), client(false)];
    let ended = 0;
    for (let round = 0; round < 3; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      ended += (await terminate()).rows[0].n;
    }
    await new Promise((resolve) => setTimeout(resolve, 400));
    stop = true;
    await Promise.all(load);
    expect(ended).toBeGreaterThan(0);
    // Each request answered: done, or an outage that says to retry (never a 500 or a 401).
    expect(statuses.filter((status) => ![200, 201, 503].includes(status))).toEqual([]);
    // Both are still running and recover: a new action's reminder is planned by the worker.
    expect(world.worker.get(JobWorkersHost).isRunning()).toBe(true);
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    expect(await world.scheduled(cast, action.id)).toEqual({
      'deadline_today 0d': '2031-12-08T08:00:00.000Z',
    });
  });

  describe('a worker killed with kill -9 in the middle of a batch', () => {
    const children: ChildProcess[] = [];

    beforeAll(() => {
      // The killed worker is a real process: it runs the built worker (dist/).
      if (
        !existsSync(resolve(root, 'dist/apps/worker/src/main.js')) ||
        process.env.CI_REBUILD !== 'false'
      ) {
        execFileSync(
          process.execPath,
          [resolve(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
          {
            cwd: root,
            stdio: 'inherit',
          },
        );
      }
    }, 240_000);
    afterEach(() => {
      for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    });

    function startChild(): ChildProcess {
      const env = {
        ...process.env,
        ...testEnvironment(world.env),
        NODE_OPTIONS: '',
        LOG_LEVEL: 'warn',
        WORKER_CONCURRENCY: '5',
        MAIL_CONCURRENCY: '10',
      };
      const child = spawn(process.execPath, [resolve(root, 'dist/apps/worker/src/main.js')], {
        cwd: root,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    }

    it('sends every e-mail of the batch once it is back, none twice from the recipient’s view', async () => {
      await world.worker.close();
      try {
        const policy = await world
          .http()
          .put(`/v1/programmes/${cast.programmeId}/reminder-policy`)
          .set('Authorization', `Bearer ${cast.coordinator.token}`)
          .send(QUIET_OFF);
        expect(policy.status).toBe(200);
        const ids: string[] = [];
        for (let i = 0; i < 120; i += 1)
          ids.push((await world.createAction(cast, { deadline: '2032-06-30' })).id);
        world.sink.acceptDelayMs = 15;

        const first = startChild();
        const round = await world
          .http()
          .post(`/v1/programmes/${cast.programmeId}/update-rounds`)
          .set('Authorization', `Bearer ${cast.coordinator.token}`)
          .send({ title: 'Uitvraag', dueDate: '2032-06-01', filter: { actionIds: ids } });
        expect(round.status).toBe(201);
        await eventually(() => world.sink.to(cast.editor.email).length >= 30, 60_000, 20);
        first.kill('SIGKILL');
        await new Promise((done) => first.once('exit', done));
        const atKill = world.sink.to(cast.editor.email).length;
        expect(atKill).toBeLessThan(120);

        // Back: its jobs were in hand when it died; BullMQ hands stalled jobs out again.
        startChild();
        await eventually(
          async () => {
            const [row] = await world.dataSource.query(
              `SELECT count(*) FILTER (WHERE d.state = 'sent')::int AS sent, count(*)::int AS total
                 FROM email_deliveries d JOIN notifications n ON n.id = d.notification_id
                WHERE n.source_key LIKE 'reminder:%' AND d.user_id = $1`,
              [cast.editor.userId],
            );
            return row.sent === 120 && row.total === 120;
          },
          60_000,
          200,
        );
        const requests = world.sink
          .to(cast.editor.email)
          .filter((mail) => mail.subject.startsWith('Voortgangsupdate gevraagd'));
        const counts = receipts(requests.map((mail) => mail.deliveryKey));
        // Every delivery arrived, and under one Message-ID each: a mail client shows each once.
        expect(counts.size).toBe(120);
        const byMessageId = new Map(requests.map((mail) => [mail.deliveryKey, new Set<string>()]));
        for (const mail of requests) byMessageId.get(mail.deliveryKey)!.add(mail.messageId);
        expect([...byMessageId.values()].every((set) => set.size === 1)).toBe(true);
        // SMTP's one open window (accepted, then killed before the commit) can repeat at most
        // the messages that were in flight at the kill.
        const repeated = [...counts.values()].filter((n) => n > 1).length;
        expect(repeated).toBeLessThanOrEqual(10);
        const [notices] = await world.dataSource.query(
          `SELECT count(*)::int AS n, count(DISTINCT source_key)::int AS distinct FROM notifications
            WHERE user_id = $1 AND kind = 'update_request'`,
          [cast.editor.userId],
        );
        expect(notices).toEqual({ n: 120, distinct: 120 });
        process.stdout.write(
          `kill -9 after ${atKill} of 120 e-mails; repeated by SMTP: ${repeated}\n`,
        );
      } finally {
        world.worker = await world.startWorker();
      }
    }, 240_000);
  });
});
