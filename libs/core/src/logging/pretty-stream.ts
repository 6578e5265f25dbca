import pretty from 'pino-pretty';
import type { DestinationStream } from 'pino';

interface LogLine extends Record<string, unknown> {
  service?: string;
  context?: string;
  req?: { method?: string; url?: string };
  res?: { statusCode?: number };
  route?: string;
  principal?: { kind: string; id: string };
  responseTime?: number;
}

/** Fields the one-line format shows itself, or that only matter in JSON (pid, host). */
const SHOWN_IN_LINE = 'pid,hostname,service,context,req,res,route,principal,responseTime,reqId';

/** `[api] GET /v1/actions/6f1c… 200 4 ms user 0a9e…` and `[worker] Context: message`. */
export function prettyMessage(log: LogLine, messageKey: string): string {
  const prefix = `[${log.service ?? '?'}]${log.context ? ` ${log.context}:` : ''}`;
  if (log.req && log.res) {
    const who = log.principal ? ` ${log.principal.kind} ${log.principal.id}` : '';
    // The path asked for (ids and all, which a developer wants); the JSON adds the route template.
    return `${prefix} ${log.req.method} ${log.req.url} ${log.res.statusCode} ${log.responseTime} ms${who}`;
  }
  const message = log[messageKey];
  return `${prefix} ${typeof message === 'string' ? message : JSON.stringify(message ?? '')}`;
}

/**
 * Development (NODE_ENV=development): readable lines on stdout instead of JSON. A stream in
 * this process rather than a transport thread, so the format function can be passed and a
 * crash's last line is written before the process exits (sync).
 */
export function prettyStream(): DestinationStream {
  return pretty({
    sync: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: SHOWN_IN_LINE,
    messageFormat: (log, messageKey) => prettyMessage(log, messageKey),
    // Extra fields on the line itself; an error's stack still follows on its own lines.
    singleLine: true,
  });
}
