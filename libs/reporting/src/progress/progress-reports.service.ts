import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig, Clock } from '@app/core';
import { BOUNDED_FORMATS } from '../rendering/report-formats';
import type { ReportFormat, ReportOptionsQuery } from './dto/progress-report.query';
import { LiveProgressReportsService } from './live-progress-reports.service';
import { PastProgressReportsService } from './past-progress-reports.service';
import type {
  OpenReport,
  ReportHeader,
  ReportParameters,
  ReportSummary,
} from './progress-report.model';
import { reportMoment } from './report-moment';
import { reportParameters } from './report-parameters';
import { ReportErrors } from './report.errors';

/**
 * Progress reports (issue 7): a programme's actions as of a moment, summarised and listed.
 * A report of now reads the live tables (`LiveProgressReportsService`); a report of the past
 * is reconstructed from the audit log and the timeline (`PastProgressReportsService`).
 */
@Injectable()
export class ProgressReportsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly live: LiveProgressReportsService,
    private readonly past: PastProgressReportsService,
  ) {}

  /** The parameters of a report from its query: instants, defaults, and their checks. */
  parameters(programmeId: string, query: ReportOptionsQuery): ReportParameters {
    return reportParameters(programmeId, query, this.clock.now());
  }

  /** The header and summary of a report. */
  summary(params: ReportParameters): Promise<{ header: ReportHeader; summary: ReportSummary }> {
    const at = reportMoment(params);
    return at.live ? this.live.summary(at) : this.past.summary(at);
  }

  /**
   * The whole report; the caller closes it when done. A report of now reads its summary and
   * streams its actions from one read-only snapshot (so a change committed meanwhile is in
   * neither), which ends with the stream, when the reader stops early, or at `close`; a report
   * of the past is reconstructed in memory first.
   */
  report(params: ReportParameters): Promise<OpenReport> {
    const at = reportMoment(params);
    return at.live ? this.live.report(at) : this.past.report(at);
  }

  /** The header and summary of a report asked for directly (not as an export). */
  async directSummary(
    params: ReportParameters,
  ): Promise<{ header: ReportHeader; summary: ReportSummary }> {
    await this.refuseLargePast(params);
    return this.summary(params);
  }

  /**
   * The whole report asked for directly in `format` (not as an export), or REPORT_TOO_LARGE
   * where an export makes it: XLSX, PDF, HTML and DOCX are rendered whole before their first
   * byte, so only up to REPORT_DIRECT_MAX_ACTIONS actions here; a letter is refused above
   * REPORT_LETTER_MAX_ACTIONS everywhere. The caller closes it when done.
   */
  async directReport(params: ReportParameters, format: ReportFormat): Promise<OpenReport> {
    await this.refuseLargePast(params);
    const report = await this.report(params);
    const { directMaxActions, letterMaxActions } = this.config.reports;
    if (BOUNDED_FORMATS.includes(format) && report.summary.total > directMaxActions) {
      await report.close();
      throw ReportErrors.tooLarge(
        `The report has ${report.summary.total} actions; as ${format} it is made by an export (POST /v1/report-exports).`,
      );
    }
    if (format === 'docx' && report.summary.total > letterMaxActions) {
      await report.close();
      throw ReportErrors.letterTooLarge(report.summary.total, letterMaxActions);
    }
    return report;
  }

  /**
   * A report of the past is rebuilt in memory before its first byte: asked for directly only
   * up to REPORT_DIRECT_MAX_PAST_ACTIONS actions (those that existed at its moment, before its
   * filters); the worker makes larger ones.
   */
  private async refuseLargePast(params: ReportParameters): Promise<void> {
    if (params.live) return;
    const size = await this.past.size(params);
    if (size > this.config.reports.directMaxPastActions) {
      throw ReportErrors.tooLarge(
        `A report of the past of ${size} actions is made by an export (POST /v1/report-exports).`,
      );
    }
  }
}
