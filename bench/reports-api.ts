/**
 * `npm run bench:reports`, step 2: the real API as a child process pinned to one core, and what
 * the later steps ask it with: the coordinator's headers and the summary, timed.
 */
import { type BenchServer, startServer } from './api-servers';
import type { Cleanup } from './harness';
import { memoryOf } from './process-memory';
import type { SummaryBody } from './reports-checks';

export interface SummaryResponse {
  ms: number;
  body: { summary: SummaryBody };
}

export interface ReportsApi {
  server: BenchServer;
  /** Its memory before any report was asked. */
  idle: ReturnType<typeof memoryOf>;
  /** The coordinator's access token, signed anew on each call. */
  token: () => string;
  headers: () => Record<string, string>;
  summaryPath: string;
  getSummary: () => Promise<SummaryResponse>;
}

export async function startReportsApi(options: {
  core: number;
  environment: Record<string, string>;
  cleanup: Cleanup;
  token: () => string;
  programmeId: string;
}): Promise<ReportsApi> {
  const { token, programmeId } = options;
  const api = await startServer(
    'api',
    'serve-api',
    options.core,
    options.environment,
    options.cleanup,
  );
  const idle = memoryOf(api.pid);
  const headers = () => ({ authorization: `Bearer ${token()}`, accept: 'application/json' });
  const summaryPath = `/v1/programmes/${programmeId}/reports/progress/summary`;
  const getSummary = async (): Promise<SummaryResponse> => {
    const started = performance.now();
    const res = await fetch(`${api.origin}${summaryPath}`, { headers: headers() });
    const text = await res.text();
    const took = performance.now() - started;
    if (res.status !== 200) throw new Error(`summary: ${res.status} ${text.slice(0, 500)}`);
    return { ms: took, body: JSON.parse(text) as { summary: SummaryBody } };
  };
  return { server: api, idle, token, headers, summaryPath, getSummary };
}
