import { Logger, StreamableFile } from '@nestjs/common';
import { type CsvDownload, loggableError } from '@app/core';

const logger = new Logger('CsvDownload');

/**
 * A CSV attachment, streamed. When reading fails half-way the connection is cut rather than
 * ended: an ended response would make a truncated file look complete.
 */
export function csvDownload(download: CsvDownload): StreamableFile {
  return new StreamableFile(download.stream, {
    type: 'text/csv; charset=utf-8',
    disposition: `attachment; filename="${download.filename}"`,
  }).setErrorHandler((error, res) => {
    logger.error({ error: loggableError(error) }, 'CSV download failed while streaming');
    if (!res.destroyed) res.destroy?.();
  });
}
