/** Concurrent loops of timed work for the benchmarks, and the percentiles of their times. */
/**
 * Like Promise.all, but rejects only once every promise has settled: after an abort no
 * concurrent client is still inside a transaction when the connections are closed.
 */
export async function allSettledOrThrow<T>(promises: Promise<T>[]): Promise<T[]> {
  const results = await Promise.allSettled(promises);
  const failed = results.find((result) => result.status === 'rejected');
  if (failed) throw failed.reason;
  return results.map((result) => (result as PromiseFulfilledResult<T>).value);
}

/** The arithmetic mean (NaN of none). */
export const mean = (values: readonly number[]): number =>
  values.reduce((sum, value) => sum + value, 0) / values.length;

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

/** Latency figures of `count` timed operations spread over `clients` concurrent loops. */
export interface ConcurrentResult {
  count: number;
  clients: number;
  elapsedMs: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * Runs `work(0..count-1)` over `clients` concurrent loops, each taking the next item as soon
 * as its previous one finished, and times every item.
 */
export async function runConcurrent(
  count: number,
  clients: number,
  signal: AbortSignal,
  work: (index: number) => Promise<unknown>,
): Promise<ConcurrentResult> {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await allSettledOrThrow(
    Array.from({ length: clients }, async () => {
      for (let i = next++; i < count; i = next++) {
        signal.throwIfAborted();
        const begun = performance.now();
        await work(i);
        latencies.push(performance.now() - begun);
      }
    }),
  );
  const elapsedMs = performance.now() - started;
  latencies.sort((a, b) => a - b);
  return {
    count,
    clients,
    elapsedMs,
    perSecond: (count / elapsedMs) * 1000,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies[latencies.length - 1] ?? Number.NaN,
  };
}
