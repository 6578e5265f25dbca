import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CsvSeparator } from '@app/core';
import type { ReportFormat } from '../progress/dto/progress-report.query';
import type { ProgressReport } from '../progress/progress-report.model';
import { renderCsv } from './csv-renderer';
import { letterLabels } from './docx-renderer.labels';
import { renderJson } from './json-renderer';

export interface FormatMedia {
  contentType: string;
  extension: string;
  /** Shown in the browser (`inline`) or saved (`attachment`). */
  disposition: 'inline' | 'attachment';
}

export const REPORT_MEDIA: Record<ReportFormat, FormatMedia> = {
  json: { contentType: 'application/json', extension: 'json', disposition: 'inline' },
  csv: { contentType: 'text/csv; charset=utf-8', extension: 'csv', disposition: 'attachment' },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    disposition: 'attachment',
  },
  pdf: { contentType: 'application/pdf', extension: 'pdf', disposition: 'attachment' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html', disposition: 'inline' },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    disposition: 'attachment',
  },
};

/** The formats rendered whole before they can be sent: big ones go through an export. */
export const BOUNDED_FORMATS: readonly ReportFormat[] = ['xlsx', 'pdf', 'html', 'docx'];

/**
 * The format an `Accept` header asks for: the first (by quality, then order) of the media
 * types a report has; JSON when it names none of them (or anything: `*\/*`).
 */
export function negotiateFormat(accept: string | undefined): ReportFormat {
  if (!accept) return 'json';
  const wanted = accept
    .split(',')
    .map((part, index) => {
      const [type, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim(), q: q ? Number(q.slice(2)) : 1, index };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { type } of wanted) {
    const format = (Object.keys(REPORT_MEDIA) as ReportFormat[]).find(
      (key) => REPORT_MEDIA[key].contentType.split(';')[0] === type,
    );
    if (format) return format;
  }
  return 'json';
}

/**
 * The file name of a report: `voortgangsrapportage-2026-06-30.pdf` (English: progress-report);
 * the draft letter is `voortgangsbrief-2026-06-30.docx` (progress-letter).
 */
export function reportFilename(
  report: Pick<ProgressReport, 'header'>,
  format: ReportFormat,
): string {
  const lang = report.header.lang;
  const stem =
    format === 'docx'
      ? letterLabels(lang).fileStem
      : lang === 'en'
        ? 'progress-report'
        : 'voortgangsrapportage';
  return `${stem}-${report.header.reportDate}.${REPORT_MEDIA[format].extension}`;
}

export interface RenderOptions {
  separator?: CsvSeparator;
  links?: Record<string, { href: string }>;
  onProgress?: (actionsDone: number) => void;
}

/**
 * Renders `report` in `format` into `out` (not ended: the caller ends or destroys it).
 *
 * The renderers of the bounded formats are loaded on first use, each on its own: with exceljs,
 * pdfkit, docx and echarts they take a few hundred milliseconds to load, which every API and
 * worker process (and every test file that starts one) would otherwise pay at start for formats
 * most of them never render. Node keeps a module once loaded: only the first call loads.
 */
export async function writeReport(
  report: ProgressReport,
  format: ReportFormat,
  out: Writable,
  options: RenderOptions = {},
): Promise<void> {
  const { onProgress } = options;
  /* eslint-disable @typescript-eslint/no-require-imports -- loaded on first use (above) */
  switch (format) {
    case 'json':
      return pipeText(renderJson(report, options.links ?? {}, onProgress), out);
    case 'csv':
      return pipeText(renderCsv(report, options.separator, onProgress), out);
    case 'xlsx': {
      const { renderXlsx } = require('./xlsx-renderer') as typeof import('./xlsx-renderer');
      return renderXlsx(report, out, onProgress);
    }
    case 'pdf': {
      const { renderPdf } = require('./pdf-renderer') as typeof import('./pdf-renderer');
      return renderPdf(report, out, onProgress);
    }
    case 'html': {
      const { renderHtml } = require('./html-renderer') as typeof import('./html-renderer');
      return renderHtml(report, out, onProgress);
    }
    case 'docx': {
      const { renderDocx } = require('./docx-renderer') as typeof import('./docx-renderer');
      return renderDocx(report, out, onProgress);
    }
  }
  /* eslint-enable @typescript-eslint/no-require-imports */
}

/** Writes text chunks with backpressure: waits for `drain` when the stream's buffer is full. */
async function pipeText(chunks: AsyncIterable<string>, out: Writable): Promise<void> {
  for await (const chunk of chunks) {
    if (out.destroyed) throw new Error('the report stream was closed');
    if (!out.write(chunk)) {
      // Whichever comes first; the other's listener goes with the signal.
      const waiting = new AbortController();
      await Promise.race([
        once(out, 'drain', { signal: waiting.signal }),
        once(out, 'close', { signal: waiting.signal }),
      ]).finally(() => waiting.abort());
    }
  }
}
