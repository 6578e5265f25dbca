import { Logger, StreamableFile } from '@nestjs/common';
import type { Response } from 'express';
import { PassThrough } from 'node:stream';
import { loggableError } from '@app/core';
import {
  negotiateFormat,
  type OpenReport,
  REPORT_MEDIA,
  reportFilename,
  type RenderOptions,
  type ReportFormat,
  writeReport,
} from '@app/reporting';

const logger = new Logger('ProgressReports');

/** The format a request asks for: `format` in the query wins over `Accept`. */
export function askedReportFormat(
  format: ReportFormat | undefined,
  accept: string | undefined,
): ReportFormat {
  return format ?? negotiateFormat(accept);
}

/**
 * `report` rendered in `format` as a streamed response body with its media type and file name;
 * the report is closed when the rendering ends, fails, or the client goes away.
 */
export function progressReportFile(
  report: OpenReport,
  format: ReportFormat,
  res: Response,
  options: RenderOptions,
): StreamableFile {
  const media = REPORT_MEDIA[format];
  const out = new PassThrough();
  // A client that goes away stops the rendering, and with it the report's database read.
  res.once('close', () => {
    if (!out.writableEnded) out.destroy();
  });
  writeReport(report, format, out, options)
    .finally(() => report.close())
    .then(
      () => out.end(),
      (error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))),
    );
  return new StreamableFile(out, {
    type: media.contentType,
    disposition: `${media.disposition}; filename="${reportFilename(report, format)}"`,
  }).setErrorHandler((error, response) => {
    // Half-way through, the status line is gone: cut the connection, so a truncated file is
    // recognisable as one.
    logger.error({ error: loggableError(error) }, 'Progress report failed while streaming');
    if (!response.destroyed) response.destroy?.();
  });
}
