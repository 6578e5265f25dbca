import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { within } from '../runtime/within';

/** One sample of a gauge read on scrape: its labels and value. */
export interface GaugeSample {
  labels?: Record<string, string>;
  value: number;
}

/**
 * A gauge read on scrape. A reading that fails, takes too long or answers nothing leaves it
 * without samples, where prom-client's own Gauge would show a made-up 0.
 */
class ScrapedGauge extends Gauge {
  constructor(
    configuration: { name: string; help: string; labelNames: readonly string[] },
    private readonly read: () => Promise<GaugeSample[]>,
    private readonly timeoutMs: () => number,
  ) {
    super({ ...configuration, registers: [] });
  }

  override async get(): ReturnType<Gauge['get']> {
    let samples: GaugeSample[] = [];
    const reading = this.read().then(
      (value) => {
        samples = value;
      },
      () => undefined,
    );
    const inTime = await within(reading, this.timeoutMs());
    this.reset();
    if (inTime) {
      for (const sample of samples) {
        if (sample.labels) this.set(sample.labels, sample.value);
        else this.set(sample.value);
      }
    }
    const answer = await super.get();
    return inTime && samples.length > 0 ? answer : { ...answer, values: [] };
  }
}

/** How long one scrape-time reading (one query) may take before its gauge is left out. */
export const COLLECT_TIMEOUT_MS = 2_000;

const SECONDS_FAST = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const SECONDS_SLOW = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600];
const SECONDS_LAG = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 4 * 3600, 24 * 3600];

/**
 * The process's Prometheus series (README "Operating it › Metrics"). A registry per app
 * instance, not prom-client's global one: tests run an API and a worker in one process.
 * Counters and histograms move where the work happens; gauges of shared state are read on
 * scrape (one query each, bounded by COLLECT_TIMEOUT_MS), never per request.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  /** How long one reading may take (tests shorten it). */
  collectTimeoutMs = COLLECT_TIMEOUT_MS;

  readonly httpRequests = new Counter({
    name: 'sbt_http_requests_total',
    help: 'HTTP requests answered, by method, route template and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [this.registry],
  });

  readonly httpDuration = new Histogram({
    name: 'sbt_http_request_duration_seconds',
    help: 'Time from request to finished response, by method and route template.',
    labelNames: ['method', 'route'] as const,
    buckets: SECONDS_FAST,
    registers: [this.registry],
  });

  readonly jobDuration = new Histogram({
    name: 'sbt_job_duration_seconds',
    help: 'Time a worker spent on one job attempt, by queue, job name and outcome.',
    labelNames: ['queue', 'name', 'outcome'] as const,
    buckets: SECONDS_SLOW,
    registers: [this.registry],
  });

  readonly reminderLag = new Histogram({
    name: 'sbt_reminder_lag_seconds',
    help: 'Time from the moment a reminder was due to the moment it was dispatched.',
    buckets: SECONDS_LAG,
    registers: [this.registry],
  });

  readonly mailDeliveries = new Counter({
    name: 'sbt_mail_deliveries_total',
    help: 'E-mail deliveries settled, by kind (single or digest) and outcome (sent, retry, failed, skipped).',
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly exportDuration = new Histogram({
    name: 'sbt_report_export_duration_seconds',
    help: 'Time to render one report export, by outcome.',
    labelNames: ['outcome'] as const,
    buckets: SECONDS_SLOW,
    registers: [this.registry],
  });

  /**
   * A gauge whose samples `read` answers on every scrape. A reading that fails or takes longer
   * than COLLECT_TIMEOUT_MS leaves the gauge without samples for that scrape (an absent series
   * is what alerts look for), instead of failing or stalling the whole scrape.
   */
  gauge(
    name: string,
    help: string,
    labelNames: readonly string[],
    read: () => Promise<GaugeSample[]>,
  ): void {
    if (this.registry.getSingleMetric(name)) return;
    const timeoutMs = () => this.collectTimeoutMs;
    this.registry.registerMetric(new ScrapedGauge({ name, help, labelNames }, read, timeoutMs));
  }

  /** Seconds since `start` (a `process.hrtime.bigint()`). */
  static secondsSince(start: bigint): number {
    return Number(process.hrtime.bigint() - start) / 1e9;
  }
}
