import { type Agent as HttpAgent, request as httpRequest } from 'node:http';
import { type Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { LookupAddress } from 'node:dns';
import type { ResolvedAddress } from '../targets/webhook-targets';

/** What the receiver made of one attempt. */
export interface PostOutcome {
  /** The HTTP status; null when none came (refused, timed out, reset). */
  statusCode: number | null;
  durationMs: number;
  /** Why it failed, when no status came or the status was not 2xx. */
  error: string | null;
  /** The start of the response body, printable characters only: never more. */
  excerpt: string | null;
}

/** Bytes of an answer kept as its excerpt. */
export const EXCERPT_CHARS = 200;
/** An answer longer than this is cut off (the connection closed): nobody reads it. */
const MAX_READ_BYTES = 64 * 1024;

const printable = (bytes: Buffer): string | null => {
  const text = bytes
    .toString('utf8')
    .replace(/[^\P{C}\n\t]/gu, '')
    .slice(0, EXCERPT_CHARS)
    .trim();
  return text.length > 0 ? text : null;
};

export interface PostOptions {
  /** The addresses the host was checked to resolve to: the connection uses only these. */
  addresses: readonly ResolvedAddress[];
  timeoutMs: number;
  agents: { http: HttpAgent; https: HttpsAgent };
}

/**
 * POSTs one message and reads what comes back, within `timeoutMs` from start to end. Never
 * follows a redirect (a 3xx is a failure), connects only to the checked addresses (no second
 * resolution a rebinding DNS could answer differently), keeps an excerpt of the body only.
 */
export function postEvent(
  url: URL,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<PostOutcome> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const pinned: LookupAddress[] = options.addresses.map((entry) => ({
    address: entry.address,
    family: entry.family,
  }));
  const lookup = (
    _hostname: string,
    lookupOptions: { all?: boolean },
    callback: (...args: unknown[]) => void,
  ) => {
    if (lookupOptions.all) callback(null, pinned);
    else callback(null, pinned[0].address, pinned[0].family);
  };
  const https = url.protocol === 'https:';
  const send = https ? httpsRequest : httpRequest;
  return new Promise<PostOutcome>((resolve) => {
    let settled = false;
    const finish = (outcome: Omit<PostOutcome, 'durationMs'>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...outcome, durationMs: elapsed() });
    };
    const request = send(
      url,
      {
        method: 'POST',
        agent: https ? options.agents.https : options.agents.http,
        lookup: lookup as never,
        headers: {
          ...headers,
          'content-type': 'application/cloudevents+json; charset=utf-8',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'SterkBestuurTracker-Webhooks/1',
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        let read = 0;
        response.on('data', (chunk: Buffer) => {
          if (read < EXCERPT_CHARS * 4) chunks.push(chunk);
          read += chunk.length;
          if (read > MAX_READ_BYTES) response.destroy();
        });
        const done = () => {
          const status = response.statusCode ?? null;
          const ok = status !== null && status >= 200 && status < 300;
          finish({
            statusCode: status,
            error: ok
              ? null
              : status !== null && status >= 300 && status < 400
                ? `answered ${status} (a redirect, not followed)`
                : `answered ${status}`,
            excerpt: printable(Buffer.concat(chunks)),
          });
        };
        response.on('end', done);
        response.on('close', done);
        response.on('error', done);
      },
    );
    const timer = setTimeout(() => {
      request.destroy(new Error(`no answer within ${options.timeoutMs} ms`));
    }, options.timeoutMs);
    request.on('error', (error: NodeJS.ErrnoException) =>
      finish({
        statusCode: null,
        error: (error.code ? `${error.code}: ` : '') + error.message.slice(0, 300),
        excerpt: null,
      }),
    );
    request.end(body);
  });
}
