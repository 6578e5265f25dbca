import { Writable } from 'node:stream';
import type { ProgressReport, ReportTrack } from '../progress/progress-report.model';
import {
  REPORT_COLUMNS,
  reportLabels,
  type ReportColumn,
  type ReportLabels,
} from '../progress/report-labels';
import {
  COLUMN_TYPES,
  actionCells,
  summarySections,
  type SummarySection,
} from '../progress/report-table';
import { datedCoverLines, peopleCellText } from '../progress/report-style';
import { healthChartSvg, statusByTrackChartSvg, type ChartSvg } from './charts';
import { HTML_STYLE } from './html-style';
import { escapeHtml, keepPace } from '@app/core';
import { PROGRESS_EVERY, type TextSink } from './render-output';

/** The per-action columns of the HTML tables: all but the id, and the track (it heads the table). */
export const HTML_COLUMNS: readonly ReportColumn[] = REPORT_COLUMNS.filter(
  (column) => column !== 'id' && column !== 'track',
);

// Chunks are collected to about this size before they are written.
const CHUNK_SIZE = 64 * 1024;

/**
 * Writes the report as one accessible, printable HTML5 document without external resources
 * or scripts, to a `Writable` (not ended: the caller ends it) or a callback that gets each chunk
 * (and may return a promise to slow the renderer down). `onProgress` gets the actions written.
 */
export async function renderHtml(
  report: ProgressReport,
  out: TextSink,
  onProgress?: (actionsDone: number) => void,
): Promise<void> {
  const labels = reportLabels(report.header.lang);
  let buffer = '';
  const flush = async (): Promise<void> => {
    if (buffer === '') return;
    const chunk = buffer;
    buffer = '';
    if (out instanceof Writable) {
      out.write(chunk);
      await keepPace(out);
    } else {
      await out(chunk);
    }
  };
  const emit = async (html: string): Promise<void> => {
    buffer += html;
    if (buffer.length >= CHUNK_SIZE) await flush();
  };

  await emit(documentStart(report, labels));
  let done = 0;
  let tracks = 0;
  let currentTrack: ReportTrack | null | undefined = undefined;
  for await (const action of report.actions) {
    if (currentTrack === undefined || currentTrack?.id !== action.track?.id) {
      if (currentTrack !== undefined) await emit('</tbody></table>\n</section>\n');
      currentTrack = action.track;
      await emit(trackStart(action.track?.name ?? labels.noTrack, ++tracks, labels));
    }
    const cells = actionCells(action, labels);
    const tds = HTML_COLUMNS.map((column, index) => {
      const text = escapeHtml(
        peopleCellText(cells[column], COLUMN_TYPES[column], report.header.lang),
      );
      if (index === 0) return `<th scope="row">${text}</th>`;
      // Status and health in their colours, always with their words (colour never alone).
      if (column === 'status') return `<td class="c-status s-${action.status}">${text}</td>`;
      if (column === 'health') return `<td class="c-health h-${action.health}">${text}</td>`;
      return `<td class="c-${column}">${text}</td>`;
    });
    await emit(`<tr>${tds.join('')}</tr>\n`);
    done++;
    if (done % PROGRESS_EVERY === 0) onProgress?.(done);
  }
  if (currentTrack !== undefined) await emit('</tbody></table>\n</section>\n');
  else await emit(`<p>${escapeHtml(labels.none)}</p>\n`);
  await emit('</section>\n</main>\n</body>\n</html>\n');
  await flush();
  onProgress?.(done);
}

function documentStart(report: ProgressReport, labels: ReportLabels): string {
  const { header, summary } = report;
  const programme = escapeHtml(header.programme.name);
  const cover = datedCoverLines(header, labels)
    .map((line) => `<dt>${escapeHtml(line.label)}</dt><dd>${escapeHtml(String(line.value))}</dd>`)
    .join('\n');
  const sections = summarySections(summary, labels).map(summaryTable).join('\n');
  const charts = [statusByTrackChartSvg(summary, labels), healthChartSvg(summary, labels)]
    .map(chartFigure)
    .join('\n');
  return `<!DOCTYPE html>
<html lang="${header.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(labels.title)} — ${programme}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(labels.title)}: ${programme}</h1>
<dl class="cover">
${cover}
</dl>
</header>
<main>
<section aria-labelledby="summary">
<h2 id="summary">${escapeHtml(labels.summary)}</h2>
${sections}
${charts}
</section>
<section aria-labelledby="actions" class="actions">
<h2 id="actions">${escapeHtml(labels.actions)}</h2>
`;
}

function summaryTable(section: SummarySection): string {
  const cell = (value: string | number, index: number): string =>
    index === 0
      ? `<th scope="row">${escapeHtml(String(value))}</th>`
      : `<td class="num">${escapeHtml(String(value))}</td>`;
  const head = section.headings
    ? `<thead><tr>${section.headings
        .map((h, i) => `<th scope="col"${i === 0 ? '' : ' class="num"'}>${escapeHtml(h)}</th>`)
        .join('')}</tr></thead>`
    : '';
  const body = section.rows.map((row) => `<tr>${row.map(cell).join('')}</tr>`).join('\n');
  return `<table class="summary"><caption>${escapeHtml(section.title)}</caption>${head}<tbody>\n${body}\n</tbody></table>`;
}

function chartFigure(chart: ChartSvg): string {
  return `<figure class="chart">
<figcaption><strong>${escapeHtml(chart.title)}</strong></figcaption>
${chart.svg}
<p class="chart-text">${escapeHtml(chart.description)}</p>
</figure>`;
}

function trackStart(name: string, index: number, labels: ReportLabels): string {
  const id = `track-${index}`;
  const headings = HTML_COLUMNS.map(
    (column) => `<th scope="col" class="c-${column}">${escapeHtml(labels.columns[column])}</th>`,
  ).join('');
  return `<section aria-labelledby="${id}" class="track">
<h3 id="${id}">${escapeHtml(name)}</h3>
<table class="actions" aria-labelledby="${id}"><thead><tr>${headings}</tr></thead><tbody>
`;
}
