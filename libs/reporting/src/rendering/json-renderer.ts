import type {
  ProgressReport,
  ReportAction,
  ReportSummary,
} from '../progress/progress-report.model';
import { PARLIAMENT_STATUS_TERMS, STATUS_PARLIAMENT } from '../vocabularies';

/** Actions serialised at a time. */
const CHUNK = 200;

/** Inserts `key: value` right after `after`, so that related properties read together. */
function insertAfter<T extends object, K extends string, V>(
  object: T,
  after: keyof T,
  key: K,
  value: V,
): T & Record<K, V> {
  const entries = Object.entries(object);
  const at = entries.findIndex(([name]) => name === after) + 1;
  entries.splice(at, 0, [key, value]);
  return Object.fromEntries(entries) as T & Record<K, V>;
}

/**
 * An action as the JSON report shows it: our status and, beside it, the status in the
 * Kamer's vocabulary for *toezeggingen* (as the CSV and HTML reports show it).
 */
export function jsonReportAction(action: ReportAction) {
  return insertAfter(action, 'status', 'statusParliament', STATUS_PARLIAMENT[action.status]);
}

/**
 * The summary as JSON shows it: beside the counts per status, the same actions counted per
 * status in the Kamer's vocabulary (every term, in the register's order).
 */
export function jsonReportSummary(summary: ReportSummary) {
  const byStatusParliament = Object.fromEntries(
    PARLIAMENT_STATUS_TERMS.map((term) => [term, 0]),
  ) as Record<(typeof PARLIAMENT_STATUS_TERMS)[number], number>;
  for (const [status, count] of Object.entries(summary.byStatus)) {
    const term = STATUS_PARLIAMENT[status as keyof typeof STATUS_PARLIAMENT];
    byStatusParliament[term as keyof typeof byStatusParliament] += count;
  }
  return insertAfter(summary, 'byStatus', 'byStatusParliament', byStatusParliament);
}

/**
 * The report as one JSON document, streamed: the header and summary first, then the actions
 * as they arrive, so a report of 100,000 actions never sits in memory as one string.
 */
export async function* renderJson(
  report: ProgressReport,
  links: Record<string, { href: string }>,
  onProgress?: (actionsDone: number) => void,
): AsyncGenerator<string> {
  const head = JSON.stringify({
    ...report.header,
    summary: jsonReportSummary(report.summary),
    _links: links,
  });
  // The head without its closing brace, then the actions.
  yield `${head.slice(0, -1)},"actions":[`;
  let chunk: ReportAction[] = [];
  let done = 0;
  const flush = () => {
    const text =
      (done === 0 ? '' : ',') +
      chunk.map((action) => JSON.stringify(jsonReportAction(action))).join(',');
    done += chunk.length;
    chunk = [];
    return text;
  };
  for await (const action of report.actions) {
    chunk.push(action);
    if (chunk.length === CHUNK) {
      yield flush();
      onProgress?.(done);
    }
  }
  if (chunk.length > 0) {
    yield flush();
    onProgress?.(done);
  }
  yield ']}';
}
