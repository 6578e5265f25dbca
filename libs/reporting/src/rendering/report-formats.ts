import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { CsvSeparator } from '@app/core';
import type { ReportFormat } from '../progress/dto/progress-report.query';
import type { ProgressReport } from '../progress/progress-report.model';
import { renderCsv } from './csv-renderer';
import { letterLabels } from './docx-renderer.labels';
import { renderDocx } from './docx-renderer';
import { renderHtml } from './html-renderer';
import { renderJson } from './json-renderer';
import { renderPdf } from './pdf-renderer';
import { renderXlsx } from './xlsx-renderer';

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

/** Renders `report` in `format` into `out` (not ended: the caller ends or destroys it). */
export async function writeReport(
  report: ProgressReport,
  format: ReportFormat,
  out: Writable,
  options: RenderOptions = {},
): Promise<void> {
  switch (format) {
    case 'json':
      return pipeText(renderJson(report, options.links ?? {}, options.onProgress), out);
    case 'csv':
      return pipeText(renderCsv(report, options.separator, options.onProgress), out);
    case 'xlsx':
      return renderXlsx(report, out, options.onProgress);
    case 'pdf':
      return renderPdf(report, out, options.onProgress);
    case 'html':
      return renderHtml(report, out, options.onProgress);
    case 'docx':
      return renderDocx(report, out, options.onProgress);
  }
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
