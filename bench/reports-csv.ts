/**
 * `npm run bench:reports`, step 4: the full CSV streamed through the API, with the API's
 * resident memory sampled meanwhile and the lines counted (one per action plus the header, and
 * a BOM: else the run fails); and, when it was slow, a CPU profile of the API during a second
 * download.
 */
import type { ProfileSummary } from './cpu-profile';
import { ms, rate, say, sleep } from './harness';
import type { ReportsApi } from './reports-api';
import { mib, type RssSamples, sampleRss } from './process-memory';
import { TARGET } from './reports-report';

export interface CsvFigures {
  csvMs: number;
  /** Time to the first byte, ms. */
  ttfb: number;
  bytes: number;
  lines: number;
  csvMemory: RssSamples;
  /** MiB. */
  csvGrowth: number;
  linesOk: boolean;
}

/** The full report of now as CSV, as the coordinator asks it. */
const fetchCsv = (api: ReportsApi, programmeId: string) =>
  fetch(`${api.server.origin}/v1/programmes/${programmeId}/reports/progress?format=csv`, {
    headers: { authorization: `Bearer ${api.token()}`, accept: 'text/csv' },
  });

export async function streamCsv(
  api: ReportsApi,
  programmeId: string,
  actions: number,
  failures: string[],
): Promise<CsvFigures> {
  say(`4. The full CSV (${rate(actions)} rows), streamed; API memory sampled every 50 ms...`);
  await sleep(1000);
  const stopApiSampling = sampleRss(api.server.pid, 50);
  const csvStarted = performance.now();
  const csvRes = await fetchCsv(api, programmeId);
  const ttfb = performance.now() - csvStarted;
  if (csvRes.status !== 200 || !csvRes.body) {
    throw new Error(`csv: ${csvRes.status} ${(await csvRes.text()).slice(0, 500)}`);
  }
  let bytes = 0;
  let newlines = 0;
  let head: Buffer | undefined;
  let lastByte = 0;
  for await (const chunk of csvRes.body as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    head ??= Buffer.from(chunk.subarray(0, 3));
    for (let i = 0; i < chunk.length; i++) if (chunk[i] === 10) newlines += 1;
    lastByte = chunk[chunk.length - 1];
  }
  const csvMs = performance.now() - csvStarted;
  const csvMemory = stopApiSampling();
  const lines = newlines + (lastByte === 10 ? 0 : 1);
  const csvGrowth = csvMemory.max - csvMemory.before;
  const bom = head?.equals(Buffer.from([0xef, 0xbb, 0xbf])) ?? false;
  const linesOk = lines === actions + 1 && bom;
  if (!linesOk) {
    failures.push(`CSV: ${lines} lines (expected ${actions + 1}), ${bom ? 'with' : 'WITHOUT'} BOM`);
  }
  say(
    `   ${ms(csvMs)} ms (first byte ${ms(ttfb)} ms), ${mib(bytes)}, ${rate(lines)} lines; ` +
      `API RSS ${csvMemory.before.toFixed(0)} → max ${csvMemory.max.toFixed(0)} MiB (${csvMemory.n} samples)`,
  );
  return { csvMs, ttfb, bytes, lines, csvMemory, csvGrowth, linesOk };
}

export interface CsvProfile {
  profile: ProfileSummary;
  profiledMs: number;
}

/** Where the API's time goes while streaming the CSV: a CPU profile of a second download. */
export async function profileCsv(
  api: ReportsApi,
  programmeId: string,
  csvMs: number,
): Promise<CsvProfile | undefined> {
  if (!(csvMs > TARGET.csvMs || process.env.BENCH_PROFILE)) return undefined;
  say('   profiling the API during a second CSV download...');
  await api.server.profile(true);
  const started = performance.now();
  const res = await fetchCsv(api, programmeId);
  await res.arrayBuffer();
  const profiledMs = performance.now() - started;
  return { profile: await api.server.profile(false), profiledMs };
}
