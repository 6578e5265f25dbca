/**
 * The memory of the benchmarks' child processes, read from /proc: the API's while it streams a
 * report, the worker's while it renders an export, imports a workbook or delivers webhooks.
 */
import { readFileSync } from 'node:fs';

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MiB`;

/** Resident and peak (high-water) memory of a process from /proc, in MiB. */
export function memoryOf(pid: number): { rss: number; peak: number } | undefined {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) =>
      Number(new RegExp(`${name}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
    return { rss: field('VmRSS'), peak: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/** Resident memory before sampling and its highest sample, in MiB, and how many samples. */
export interface RssSamples {
  before: number;
  max: number;
  n: number;
}

/** Samples a process's resident memory every `everyMs` until stopped. */
export function sampleRss(pid: number, everyMs = 50): () => RssSamples {
  const before = memoryOf(pid)?.rss ?? 0;
  let max = before;
  let n = 0;
  const timer = setInterval(() => {
    const rss = memoryOf(pid)?.rss;
    if (rss === undefined) return;
    n += 1;
    if (rss > max) max = rss;
  }, everyMs);
  return () => {
    clearInterval(timer);
    const rss = memoryOf(pid)?.rss;
    if (rss !== undefined && rss > max) max = rss;
    return { before, max, n };
  };
}
