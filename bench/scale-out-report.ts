/**
 * The scale-out benchmark's report: the rows of its checks (a failed one fails the run) and
 * figures, the figures themselves (the updates, the burst, each process's work from its own
 * /metrics), and the summary table.
 */
import type { SmtpSink } from '../scripts/services/smtp-sink';
import { ms, rate, say, table } from './harness';
import { jobsByQueue, scrape, sumSeries } from './scale-out-metrics';
import type { Topology } from './scale-out-processes';
import type { UpdateRun } from './scale-out-updates';

export interface Report {
  rows: Array<[string, string]>;
  failures: string[];
  check: (label: string, ok: boolean, detail: string) => void;
  figure: (label: string, value: string) => void;
}

export function newReport(): Report {
  const failures: string[] = [];
  const rows: Array<[string, string]> = [];
  const check = (label: string, ok: boolean, detail: string): void => {
    if (!ok) failures.push(`${label}: ${detail}`);
    rows.push([label, `${ok ? 'OK' : 'FAILED'}: ${detail}`]);
  };
  const figure = (label: string, value: string): void => void rows.push([label, value]);
  return { rows, failures, check, figure };
}

export async function addFigures(
  { figure }: Report,
  options: {
    run: UpdateRun;
    due: number;
    burstMs: number | undefined;
    sink: SmtpSink;
    topology: Topology;
    loadStarted: number;
  },
): Promise<void> {
  const { run, due, burstMs, sink, topology } = options;
  const perApi = new Map<string, number>();
  for (const update of run.accepted) perApi.set(update.api, (perApi.get(update.api) ?? 0) + 1);
  figure(
    'Progress updates',
    `${rate(run.accepted.length)} in ${ms(run.elapsedMs / 1000)} s = ${rate(run.perSecond)}/s ` +
      `(p50 ${ms(run.p50)} / p99 ${ms(run.p99)} ms incl. retries); ` +
      [...perApi].map(([api, n]) => `${api} ${n}`).join(', ') +
      `; ${run.conflicts} × 412 re-read and retried, ${run.unavailable} × 503`,
  );
  figure(
    'Reminder burst',
    burstMs === undefined
      ? 'not complete'
      : `${rate(due)} in ${ms(burstMs / 1000)} s = ${rate((due / burstMs) * 1000)}/s (clock moved → all in)`,
  );
  figure(
    'E-mails in all',
    `${rate(sink.messages.length)} (reminders, round requests, other notices)`,
  );
  for (const worker of topology.workers) {
    const text = await scrape(worker.metricsPort);
    figure(
      `${worker.name}: jobs completed (metrics :${worker.metricsPort})`,
      jobsByQueue(text) || 'none',
    );
  }
  for (const { server, metricsPort } of topology.apis) {
    const text = await scrape(metricsPort);
    figure(
      `${server.name}: requests answered (metrics :${metricsPort})`,
      rate(sumSeries(text, 'sbt_http_requests_total')),
    );
  }
  figure(
    'Load',
    `${ms((performance.now() - options.loadStarted) / 1000)} s from the first update to the end of the checks`,
  );
}

export function printSummary({ rows }: Report): void {
  say();
  say('Summary');
  for (const line of table(rows)) say(line);
}
