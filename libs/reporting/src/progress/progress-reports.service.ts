import { Injectable } from '@nestjs/common';
import { Clock } from '@app/core';
import type { ReportOptionsQuery } from './dto/progress-report.query';
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

/**
 * Progress reports (issue 7): a programme's actions as of a moment, summarised and listed.
 * A report of now reads the live tables (`LiveProgressReportsService`); a report of the past
 * is reconstructed from the audit log and the timeline (`PastProgressReportsService`).
 */
@Injectable()
export class ProgressReportsService {
  constructor(
    private readonly clock: Clock,
    private readonly live: LiveProgressReportsService,
    private readonly past: PastProgressReportsService,
  ) {}

  /** The parameters of a report from its query: instants, defaults, and their checks. */
  parameters(programmeId: string, query: ReportOptionsQuery): ReportParameters {
    return reportParameters(programmeId, query, this.clock.now());
  }

  /**
   * The most actions a report lists: of a report of the past, those that existed at its
   * moment (before its filters); null for a report of now, which streams.
   */
  async pastSize(params: ReportParameters): Promise<number | null> {
    if (params.live) return null;
    return this.past.size(params);
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
}
