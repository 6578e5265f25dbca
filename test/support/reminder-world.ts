import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { TestingModuleBuilder } from '@nestjs/testing';
import { createHash, randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { type AppConfig, Clock, JobQueueService, QueueName } from '@app/core';
import { DEFAULT_REMINDER_POLICY, ReminderReconciler } from '@app/reminders';
import { eventually, startApi, startWorker, testConfig } from './e2e';
import { createOwnDatabase } from './own-database';
import { SmtpSink } from '../../scripts/services/smtp-sink';
import { type TrackingCast, TrackingFixtures } from './tracking-fixtures';

/** A body for PUT /v1/programmes/{id}/reminder-policy: the product's defaults, with `changes`. */
export function reminderPolicyBody(
  changes: Partial<typeof DEFAULT_REMINDER_POLICY> = {},
): Record<string, unknown> {
  // Without the stored policy's version and time, which a request may not send.
  const stored = new Set(['version', 'updatedAt']);
  const defaults = Object.entries(DEFAULT_REMINDER_POLICY).filter(([key]) => !stored.has(key));
  return { ...Object.fromEntries(defaults), ...changes };
}

/**
 * The scene of a reminders story: a database and Redis prefix of its own (no other file's
 * worker takes its jobs), a real SMTP server, the API and the worker, and a clock both of
 * them follow when the test moves it.
 */
export class ReminderWorld {
  config!: AppConfig;
  api!: NestExpressApplication;
  worker!: INestApplicationContext;
  sink = new SmtpSink();
  fixtures!: TrackingFixtures;
  dataSource!: DataSource;
  /** The environment the apps were configured from. */
  env: Record<string, string> = {};
  private database!: { url: string; drop: () => Promise<void> };

  constructor(
    private readonly name: string,
    private readonly overrides: Record<string, string> = {},
    /** Providers the API and the worker replace for the story. */
    private readonly customise:
      ((builder: TestingModuleBuilder) => TestingModuleBuilder) | undefined = undefined,
  ) {}

  async start(): Promise<void> {
    this.database = await createOwnDatabase(this.name);
    const smtpUrl = await this.sink.start();
    this.env = {
      DATABASE_URL: this.database.url,
      // Within the 40 characters of a prefix: the run's, plus a short mark of this file.
      REDIS_PREFIX: `${process.env.SBT_TEST_REDIS_PREFIX}-${createHash('sha1').update(this.name).digest('hex').slice(0, 6)}`,
      SMTP_URL: smtpUrl,
      // The tests reconcile when they want to; the schedule must not do it in between.
      REMINDER_RECONCILE_INTERVAL_SECONDS: '3600',
      MAIL_RETRY_DELAY_MS: '100',
      MAIL_MAX_ATTEMPTS: '3',
      ...this.overrides,
    };
    this.config = testConfig(this.env);
    this.api = await startApi({ config: this.config, customise: this.customise });
    this.worker = await this.startWorker();
    this.fixtures = new TrackingFixtures(this.api);
    this.dataSource = this.api.get(DataSource);
  }

  /** Another worker on the same database and queues (with other settings, if given). */
  startWorker(overrides: Record<string, string> = {}): Promise<INestApplicationContext> {
    return startWorker(testConfig({ ...this.env, ...overrides }), this.customise);
  }

  async stop(): Promise<void> {
    await this.worker?.close();
    await this.api?.close();
    await this.sink.stop();
    await this.database?.drop();
  }

  /** Moves "now" of the API and the worker to `instant`. */
  travel(instant: string, worker: INestApplicationContext = this.worker): void {
    const offset = Date.parse(instant) - Date.now();
    this.api.get(Clock).travel(offset);
    worker.get(Clock).travel(offset);
  }

  /** What the worker's schedule does every few minutes: queue what is due, repair what is lost. */
  reconcile(worker: INestApplicationContext = this.worker) {
    return worker.get(ReminderReconciler).reconcile();
  }

  http() {
    return request(this.api.getHttpServer());
  }

  /** A programme with its cast, and the e-mail of each role. */
  async cast(): Promise<TrackingCast> {
    return this.fixtures.cast();
  }

  async createAction(
    cast: TrackingCast,
    body: Record<string, unknown> = {},
  ): Promise<{ id: string; version: number; title: string }> {
    const title = `Actie ${randomUUID().slice(0, 8)}`;
    const res = await this.fixtures.action(cast.editor, {
      programmeId: cast.programmeId,
      trackId: cast.trackId,
      title,
      ownerOrganisationId: cast.owner.id,
      ownerUserId: cast.editor.userId,
      deadline: '2026-12-07',
      ...body,
    });
    return { id: res.body.id, version: res.body.version, title };
  }

  /** The reminders of an action (as its coordinator sees them), once the worker planned them. */
  async reminders(
    cast: TrackingCast,
    actionId: string,
    until: (rows: any[]) => boolean = (rows) => rows.length > 0,
  ): Promise<any[]> {
    return eventually(async () => {
      const res = await this.http()
        .get(`/v1/programmes/${cast.programmeId}/reminders?action=${actionId}&limit=200`)
        .set('Authorization', `Bearer ${cast.coordinator.token}`);
      expect(res.status).toBe(200);
      return until(res.body.data) ? res.body.data : undefined;
    });
  }

  /** Replaces the programme's reminder policy (as its coordinator). */
  async putPolicy(cast: TrackingCast, policy: object): Promise<void> {
    const res = await this.http()
      .put(`/v1/programmes/${cast.programmeId}/reminder-policy`)
      .set('Authorization', `Bearer ${cast.coordinator.token}`)
      .send(policy);
    expect(res.status).toBe(200);
  }

  /**
   * The action's scheduled reminders as `kind step` → due instant, once `until` holds of
   * them (by default: something is scheduled).
   */
  async scheduled(
    cast: TrackingCast,
    actionId: string,
    until: (scheduled: Record<string, string>) => boolean = (rows) => Object.keys(rows).length > 0,
  ): Promise<Record<string, string>> {
    const asMap = (rows: any[]): Record<string, string> =>
      Object.fromEntries(
        rows
          .filter((row) => row.state === 'scheduled')
          .map((row) => [`${row.kind} ${row.step}`, row.dueAt]),
      );
    return asMap(await this.reminders(cast, actionId, (rows) => until(asMap(rows))));
  }

  /** Moves the clock to `instant`, lets the worker queue what is due, and waits for a mail. */
  async mailAt(instant: string, to: string, subject: string) {
    this.travel(instant);
    await this.reconcile();
    return eventually(() => this.sink.to(to).find((mail) => mail.subject === subject));
  }

  /** Waits until the outbox is empty and the worker's queues are idle. */
  async settled(): Promise<void> {
    await eventually(async () => {
      const [row] = await this.dataSource.query(
        'SELECT count(*)::int AS pending FROM outbox_events WHERE published_at IS NULL',
      );
      return row.pending === 0;
    });
    const queues = this.worker.get(JobQueueService);
    await eventually(async () => {
      for (const name of [QueueName.Tracking, QueueName.Reminders, QueueName.Mail]) {
        const counts = await queues.queue(name).getJobCounts('waiting', 'active', 'prioritized');
        if (counts.waiting + counts.active + counts.prioritized > 0) return false;
      }
      return true;
    });
  }
}
