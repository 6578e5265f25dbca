import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { getDataSourceToken } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { AuditIntegrityService } from '@app/audit';
import { JobName, MetricsServer, OutboxService } from '@app/core';
import { eventually, startApi, startWorker, testConfig } from '../../../test/support/e2e';
import {
  parsePrometheusText,
  type PromSample,
  sampleValue,
} from '../../../test/support/prometheus-text';
import { TrackingFixtures } from '../../../test/support/tracking-fixtures';

const ACTION_ROUTE = '/v1/actions/:id';

describe('Prometheus metrics on their own port', () => {
  let api: NestExpressApplication;
  let worker: INestApplicationContext;

  beforeAll(async () => {
    const config = testConfig({
      METRICS_PORT: '0',
      REDIS_PREFIX: `m-${randomUUID().slice(0, 8)}`,
    });
    api = await startApi({ config });
    worker = await startWorker(config);
  });

  afterAll(async () => {
    await Promise.all([api?.close(), worker?.close()]);
  });

  function metricsUrl(app: INestApplicationContext): string {
    const address = app.get(MetricsServer).address();
    if (!address) throw new Error('no metrics server');
    return `http://${address.host}:${address.port}/metrics`;
  }

  async function scrape(
    app: INestApplicationContext,
  ): Promise<{ text: string; samples: PromSample[] }> {
    const res = await fetch(metricsUrl(app));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await res.text();
    return { text, samples: parsePrometheusText(text) };
  }

  it('counts requests by route template, never by raw URL, with latency buckets', async () => {
    const fixtures = new TrackingFixtures(api);
    const cast = await fixtures.cast();
    const created = await fixtures.action(
      cast.editor,
      TrackingFixtures.actionBody(cast, 'Metrics: de teller loopt'),
    );
    const id: string = created.body.id;
    const labels = { method: 'GET', route: ACTION_ROUTE, status: '200' };
    const before = sampleValue((await scrape(api)).samples, 'sbt_http_requests_total', labels) ?? 0;

    for (let i = 0; i < 3; i += 1) {
      await request(api.getHttpServer())
        .get(`/v1/actions/${id}`)
        .set('Authorization', `Bearer ${cast.editor.token}`)
        .expect(200);
    }
    await request(api.getHttpServer()).get(`/v1/no-such-route/${id}`).expect(404);

    const { text, samples } = await scrape(api);
    expect(sampleValue(samples, 'sbt_http_requests_total', labels)).toBe(before + 3);
    expect(
      sampleValue(samples, 'sbt_http_requests_total', {
        method: 'POST',
        route: '/v1/actions',
        status: '201',
      }),
    ).toBeGreaterThanOrEqual(1);
    expect(
      sampleValue(samples, 'sbt_http_requests_total', { route: 'unmatched', status: '404' }),
    ).toBeGreaterThanOrEqual(1);
    // A histogram: cumulative buckets up to +Inf, a count and a sum per method and route.
    const bucket = (le: string) =>
      sampleValue(samples, 'sbt_http_request_duration_seconds_bucket', {
        method: 'GET',
        route: ACTION_ROUTE,
        le,
      });
    expect(bucket('+Inf')).toBeGreaterThanOrEqual(3);
    expect(bucket('0.005')).toBeLessThanOrEqual(bucket('+Inf') ?? 0);
    expect(
      sampleValue(samples, 'sbt_http_request_duration_seconds_count', {
        method: 'GET',
        route: ACTION_ROUTE,
      }),
    ).toBe(bucket('+Inf'));
    // Ids never become labels.
    expect(text).not.toContain(id);
    expect(samples.every((sample) => !(sample.labels.route ?? '').includes('no-such-route'))).toBe(
      true,
    );
    // The API's own database pool, read on scrape.
    expect(
      sampleValue(samples, 'sbt_db_pool_connections', { state: 'idle' }),
    ).toBeGreaterThanOrEqual(0);
    expect(
      sampleValue(samples, 'sbt_db_pool_connections', { state: 'in_use' }),
    ).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'sbt_db_pool_waiting_requests')).toBe(0);
  });

  it('reports queues, the outbox, job durations and the audit checkpoint age from the worker', async () => {
    const outbox = worker.get(OutboxService);
    const dataSource = worker.get<DataSource>(getDataSourceToken());
    const completed = (samples: PromSample[]) =>
      sampleValue(samples, 'sbt_job_duration_seconds_count', {
        queue: 'system',
        name: JobName.SystemPing,
        outcome: 'completed',
      }) ?? 0;
    const before = completed((await scrape(worker)).samples);

    await dataSource.transaction((manager) =>
      outbox.record(manager, { name: JobName.SystemPing, data: { note: 'metrics' } }),
    );
    // The relay publishes it, a worker runs it: the job's duration is observed.
    const samples = await eventually(async () => {
      const scraped = (await scrape(worker)).samples;
      return completed(scraped) > before && scraped;
    });

    for (const state of ['waiting', 'active', 'delayed', 'failed']) {
      for (const queue of ['system', 'reminders', 'mail', 'reports']) {
        expect(sampleValue(samples, 'sbt_queue_jobs', { queue, state })).toBeGreaterThanOrEqual(0);
      }
    }
    expect(sampleValue(samples, 'sbt_outbox_backlog_events')).toBeGreaterThanOrEqual(0);
    expect(sampleValue(samples, 'sbt_outbox_oldest_event_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(
      sampleValue(samples, 'sbt_job_duration_seconds_bucket', {
        queue: 'system',
        name: JobName.SystemPing,
        outcome: 'completed',
        le: '+Inf',
      }),
    ).toBe(completed(samples));
    // After a checkpoint the age is small, and it grows until the next one.
    expect((await worker.get(AuditIntegrityService).checkpoint()).kind).not.toBe('refused');
    const age = async () =>
      sampleValue((await scrape(worker)).samples, 'sbt_audit_checkpoint_age_seconds') ?? -1;
    const first = await age();
    expect(first).toBeGreaterThanOrEqual(0);
    expect(first).toBeLessThan(60);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await age()).toBeGreaterThan(first);
    expect(
      sampleValue(samples, 'sbt_db_pool_connections', { state: 'idle' }),
    ).toBeGreaterThanOrEqual(0);
  });

  it('shows the outbox backlog and its age while the relay lags', async () => {
    const dataSource = worker.get<DataSource>(getDataSourceToken());
    // An event the relay may not take yet (available later): backlog for as long as it waits.
    const [row]: { id: string }[] = await dataSource.query(
      `INSERT INTO outbox_events (type, payload, created_at, available_at)
       VALUES ($1, $2::jsonb, now() - interval '2 minutes', now() + interval '1 hour') RETURNING id`,
      [JobName.SystemPing, JSON.stringify({ note: 'metrics-backlog' })],
    );
    try {
      const { samples } = await scrape(worker);
      expect(sampleValue(samples, 'sbt_outbox_backlog_events')).toBeGreaterThanOrEqual(1);
      expect(sampleValue(samples, 'sbt_outbox_oldest_event_age_seconds')).toBeGreaterThanOrEqual(
        120,
      );
    } finally {
      await dataSource.query('DELETE FROM outbox_events WHERE id = $1', [row.id]);
    }
  });

  it('describes every series, the worker-only ones included', async () => {
    const { text } = await scrape(worker);
    for (const name of [
      'sbt_job_duration_seconds',
      'sbt_queue_jobs',
      'sbt_outbox_backlog_events',
      'sbt_outbox_oldest_event_age_seconds',
      'sbt_reminder_lag_seconds',
      'sbt_mail_deliveries_total',
      'sbt_audit_checkpoint_age_seconds',
      'sbt_report_export_duration_seconds',
      'sbt_db_pool_connections',
    ]) {
      expect(text).toMatch(new RegExp(`^# HELP ${name} \\S`, 'm'));
    }
  });

  it('answers only GET /metrics on that port', async () => {
    const url = metricsUrl(api);
    expect((await fetch(url.replace(/\/metrics$/, '/health/live'))).status).toBe(404);
    expect((await fetch(url, { method: 'POST' })).status).toBe(405);
    // And the public port does not serve them.
    const res = await request(api.getHttpServer()).get('/metrics');
    expect(res.text).not.toContain('sbt_');
  });

  it('runs no metrics server without METRICS_PORT', async () => {
    const app = await startApi();
    try {
      expect(app.get(MetricsServer).address()).toBeUndefined();
    } finally {
      await app.close();
    }
  });
});
