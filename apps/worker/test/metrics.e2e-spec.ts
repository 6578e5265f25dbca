import type { INestApplicationContext } from '@nestjs/common';
import { JobName, MetricsServer } from '@app/core';
import { eventually } from '../../../test/support/e2e';
import {
  parsePrometheusText,
  type PromSample,
  sampleValue,
} from '../../../test/support/prometheus-text';
import { ReminderWorld } from '../../../test/support/reminder-world';
import type { TrackingCast } from '../../../test/support/tracking-fixtures';

/** Deadline reminders only, at 09:00 Amsterdam, no digest: one e-mail per reminder. */
const POLICY = {
  daysBefore: [14],
  onDeadlineDay: false,
  overdueRepeatDays: null,
  staleAfterDays: null,
  updateRoundReminderDaysBefore: 3,
  escalation: [{ level: 'official', afterDays: 0, contactUserIds: [] }],
  skipWeekends: true,
  skipHolidays: true,
  sendHour: 9,
  digest: false,
};

describe("the worker's metrics move with its work", () => {
  const world = new ReminderWorld('metrics_work', { METRICS_PORT: '0' });
  let cast: TrackingCast;

  beforeAll(async () => {
    await world.start();
    cast = await world.cast();
    await world.putPolicy(cast, POLICY);
  });
  afterAll(() => world.stop());

  async function scrape(app: INestApplicationContext = world.worker): Promise<PromSample[]> {
    const address = app.get(MetricsServer).address();
    if (!address) throw new Error('no metrics server');
    const res = await fetch(`http://${address.host}:${address.port}/metrics`);
    expect(res.status).toBe(200);
    return parsePrometheusText(await res.text());
  }

  it('observes the lag from due to sent of a reminder, and counts its e-mail as sent', async () => {
    world.travel('2031-11-20T10:00:00Z');
    const action = await world.createAction(cast, { deadline: '2031-12-08' });
    expect(await world.scheduled(cast, action.id)).toEqual({
      'deadline_upcoming 14d': '2031-11-24T08:00:00.000Z',
    });
    const before = await scrape();
    const sentBefore =
      sampleValue(before, 'sbt_mail_deliveries_total', { kind: 'single', outcome: 'sent' }) ?? 0;

    // Sent 30 seconds after it was due (by the clock the worker follows).
    await world.mailAt(
      '2031-11-24T08:00:30Z',
      cast.editor.email,
      `Deadline over 14 dagen: ${action.title}`,
    );
    // The e-mail may go out before the reminder job that queued it has finished.
    const after = await eventually(async () => {
      const samples = await scrape();
      const lagged = sampleValue(samples, 'sbt_reminder_lag_seconds_count') ?? 0;
      return lagged >= 1 && samples;
    });
    expect(
      sampleValue(after, 'sbt_mail_deliveries_total', { kind: 'single', outcome: 'sent' }),
    ).toBeGreaterThan(sentBefore);
    const lagBucket = (le: string) => sampleValue(after, 'sbt_reminder_lag_seconds_bucket', { le });
    // 30 s and a little: not within 15 s, within 60 s.
    expect(lagBucket('15')).toBe(0);
    expect(lagBucket('60')).toBe(sampleValue(after, 'sbt_reminder_lag_seconds_count'));
    expect(
      sampleValue(after, 'sbt_job_duration_seconds_count', {
        queue: 'reminders',
        name: JobName.ReminderDue,
        outcome: 'completed',
      }),
    ).toBeGreaterThanOrEqual(1);
  });

  it('times a report export and counts the e-mail that says it is ready', async () => {
    const before = await scrape();
    const exportsBefore =
      sampleValue(before, 'sbt_report_export_duration_seconds_count', { outcome: 'completed' }) ??
      0;
    const mailsBefore =
      sampleValue(before, 'sbt_mail_deliveries_total', { kind: 'single', outcome: 'sent' }) ?? 0;
    const created = await world
      .http()
      .post('/v1/report-exports')
      .set('Authorization', `Bearer ${cast.viewer.token}`)
      .send({ programmeId: cast.programmeId, format: 'csv' });
    expect(created.status).toBe(202);

    const samples = await eventually(async () => {
      const scraped = await scrape();
      const done = sampleValue(scraped, 'sbt_report_export_duration_seconds_count', {
        outcome: 'completed',
      });
      return (done ?? 0) > exportsBefore && scraped;
    });
    expect(
      sampleValue(samples, 'sbt_report_export_duration_seconds_bucket', {
        outcome: 'completed',
        le: '+Inf',
      }),
    ).toBe(exportsBefore + 1);
    await eventually(async () => {
      const sent = sampleValue(await scrape(), 'sbt_mail_deliveries_total', {
        kind: 'single',
        outcome: 'sent',
      });
      return (sent ?? 0) > mailsBefore;
    });
    // The API counted the request under its route template.
    expect(
      sampleValue(await scrape(world.api), 'sbt_http_requests_total', {
        method: 'POST',
        route: '/v1/report-exports',
        status: '202',
      }),
    ).toBe(1);
  });
});
