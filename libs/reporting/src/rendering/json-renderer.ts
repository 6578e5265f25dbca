import type { ProgressReport, ReportAction } from '../progress/progress-report.model';

/** Actions serialised at a time. */
const CHUNK = 200;

/**
 * The report as one JSON document, streamed: the header and summary first, then the actions
 * as they arrive, so a report of 100,000 actions never sits in memory as one string.
 */
export async function* renderJson(
  report: ProgressReport,
  links: Record<string, { href: string }>,
  onProgress?: (actionsDone: number) => void,
): AsyncGenerator<string> {
  const head = JSON.stringify({ ...report.header, summary: report.summary, _links: links });
  // The head without its closing brace, then the actions.
  yield `${head.slice(0, -1)},"actions":[`;
  let chunk: ReportAction[] = [];
  let done = 0;
  const flush = () => {
    const text = (done === 0 ? '' : ',') + chunk.map((action) => JSON.stringify(action)).join(',');
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
