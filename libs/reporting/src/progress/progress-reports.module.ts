import { Module } from '@nestjs/common';
import { TrackingModule } from '@app/tracking';
import { LiveSummaryCache } from './live-summary.cache';
import { ProgressReportsService } from './progress-reports.service';
import { ReportVersionChangesRepository } from './report-version-changes.repository';

/** Progress reports: the summary and the per-action rows of a programme, now or in the past. */
@Module({
  imports: [TrackingModule],
  providers: [ProgressReportsService, LiveSummaryCache, ReportVersionChangesRepository],
  exports: [ProgressReportsService, ReportVersionChangesRepository],
})
export class ReportingModule {}
