import { Module } from '@nestjs/common';
import { TrackingModule } from '@app/tracking';
import { LiveProgressReportsService } from './live-progress-reports.service';
import { LiveSummaryCache } from './live-summary.cache';
import { PastProgressReportsService } from './past-progress-reports.service';
import { ProgressReportsService } from './progress-reports.service';
import { ReportVersionChangesRepository } from './report-version-changes.repository';

/** Progress reports: the summary and the per-action rows of a programme, now or in the past. */
@Module({
  imports: [TrackingModule],
  providers: [
    ProgressReportsService,
    LiveProgressReportsService,
    PastProgressReportsService,
    LiveSummaryCache,
    ReportVersionChangesRepository,
  ],
  exports: [ProgressReportsService, ReportVersionChangesRepository],
})
export class ReportingModule {}
