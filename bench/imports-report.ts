/**
 * The summary of `bench:imports`: its table, the targets (a miss is printed "OVER TARGET" and
 * asks for a profiled re-run, but passes), and the checks (a difference fails the run).
 */
import os from 'node:os';
import { ms, rate } from './harness';
import { msPerRowWhileRunning } from './imports-client';
import type { ScenarioFigures } from './imports-scenario';

/** Issue 19: a 10,000-row workbook — dry run ≤ 15 s, apply ≤ 60 s, memory growth < 200 MB. */
export const TARGET = { dryRunMs: 15_000, applyMs: 60_000, rssBytes: 200e6 };

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;
export const seconds = (value: number) => `${ms(value / 1000)} s`;
export const load = () =>
  os
    .loadavg()
    .map((n) => n.toFixed(2))
    .join(' / ');

export class ImportsReport {
  readonly rows: Array<[string, string]> = [];
  readonly failures: string[] = [];
  private missed = false;

  add(...rows: Array<[string, string]>): void {
    this.rows.push(...rows);
  }

  /** Whether a target was missed since the last call (the scenario then runs again, profiled). */
  takeMissed(): boolean {
    const missed = this.missed;
    this.missed = false;
    return missed;
  }

  private target(ok: boolean): string {
    if (!ok) this.missed = true;
    return ok ? 'within target' : 'OVER TARGET';
  }

  /** Checks the fields of `actual` named in `wanted`; a difference fails the run. */
  expect(label: string, actual: Record<string, number>, wanted: Record<string, number>): void {
    const wrong = Object.entries(wanted)
      .filter(([field, value]) => (actual[field] ?? 0) !== value)
      .map(([field, value]) => `${field} ${actual[field] ?? 0}≠${value}`);
    if (wrong.length > 0) this.failures.push(`${label}: ${wrong.join(', ')}`);
    this.add([label, `${JSON.stringify(actual)}: ${wrong.length === 0 ? 'OK' : 'FAILED'}`]);
  }

  /** A database check's verdict; its failures fail the run. */
  checked(label: string, result: { failures: string[]; summary: string }): void {
    this.failures.push(...result.failures.map((failure) => `${label}: ${failure}`));
    this.add([label, `${result.summary}: ${result.failures.length === 0 ? 'OK' : 'FAILED'}`]);
  }

  /** A scenario's figures against the targets. */
  scenario(label: string, rows: number, f: ScenarioFigures): void {
    const growth = Math.max(f.dryRun.rss.max, f.apply.rss.max) - f.rssBefore;
    const perRow = (value: number) => (value / rows).toFixed(1);
    const { dryRun, apply } = f;
    this.add(
      [`${label}: file`, `${mib(f.fileBytes)}; upload request ${ms(f.uploadMs)} ms`],
      [
        `${label}: dry run, upload → planned (target ≤ 15 s)`,
        `${seconds(dryRun.waited.ms)} (worker ${seconds(dryRun.serverMs)}; ${perRow(dryRun.serverMs)} ms/row): ` +
          this.target(dryRun.waited.ms <= TARGET.dryRunMs),
      ],
      [
        `${label}: dry run worker statements / CPU worker, PostgreSQL`,
        `${rate(dryRun.statements)} (${perRow(dryRun.statements)}/row) / ${seconds(dryRun.cpu.worker)}, ${seconds(dryRun.cpu.postgres)}`,
      ],
      [
        `${label}: apply, apply → applied (target ≤ 60 s)`,
        `${seconds(apply.waited.ms)} (worker ${seconds(apply.serverMs)}; first progress after ` +
          `${seconds(apply.waited.firstProgress?.ms ?? Number.NaN)}, then ` +
          `${msPerRowWhileRunning(apply.waited, rows).toFixed(1)} ms/row; ` +
          `${apply.waited.progressSeen.length} progress values seen): ${this.target(apply.waited.ms <= TARGET.applyMs)}`,
      ],
      [
        `${label}: apply worker statements / CPU worker, PostgreSQL`,
        `${rate(apply.statements)} (${perRow(apply.statements)}/row) / ${seconds(apply.cpu.worker)}, ${seconds(apply.cpu.postgres)}`,
      ],
      [
        `${label}: worker RSS growth, peak − before upload (target < 200 MB)`,
        `+${growth.toFixed(1)} MiB (${(growth * 1.048576).toFixed(0)} MB; ${f.rssBefore.toFixed(0)} → ` +
          `dry run ${f.dryRun.rss.max.toFixed(0)}, apply ${f.apply.rss.max.toFixed(0)} MiB; ` +
          `${f.dryRun.rss.n + f.apply.rss.n} samples): ${this.target(growth * 2 ** 20 < TARGET.rssBytes)}`,
      ],
      [`${label}: after the apply, outbox and jobs done in`, seconds(f.settleMs)],
    );
    if (apply.pgTimes) {
      this.add([
        `${label}: apply PostgreSQL plan / execute per row (pg_stat_statements)`,
        `${(apply.pgTimes.planMs / rows).toFixed(2)} / ${(apply.pgTimes.execMs / rows).toFixed(2)} ms`,
      ]);
    }
  }

  /** The line of a profiled re-run (its figures carry the profiler's overhead). */
  profiled(label: string, rows: number, f: ScenarioFigures): void {
    this.add([
      `${label}, ${rate(rows)} rows: dry run / apply (worker's time); statements per row`,
      `${ms(f.dryRun.serverMs / 1000)} / ${ms(f.apply.serverMs / 1000)} s; ` +
        `${(f.dryRun.statements / rows).toFixed(1)} / ${(f.apply.statements / rows).toFixed(1)}`,
    ]);
  }
}
