import { CoreErrors, DomainError, type InvalidParam } from '@app/core';

/** The problems of progress reports and their exports. */
export const ReportErrors = {
  invalidMoment: (invalidParams: InvalidParam[]) => CoreErrors.validationFailed(invalidParams),
  /** Too large to answer directly (`detail` says why): an export makes it. */
  tooLarge: (detail: string) => new DomainError('payload_too_large', 'REPORT_TOO_LARGE', detail),
  /** A draft letter (DOCX) is built in memory: above its maximum not even an export makes it. */
  letterTooLarge: (actions: number, max: number) =>
    new DomainError(
      'payload_too_large',
      'REPORT_TOO_LARGE',
      `The report has ${actions} actions; a letter lists at most ${max}: narrow the filters (track, status, …).`,
    ),
  exportNotFound: () =>
    new DomainError(
      'not_found',
      'REPORT_EXPORT_NOT_FOUND',
      'There is no such report export, or it is not yours.',
    ),
  exportNotReady: () =>
    new DomainError(
      'conflict',
      'REPORT_EXPORT_NOT_READY',
      'The export is not finished; its status says when it is.',
    ),
  exportExpired: () =>
    new DomainError(
      'not_found',
      'REPORT_EXPORT_EXPIRED',
      'The export has been deleted after its retention period.',
    ),
} as const;
