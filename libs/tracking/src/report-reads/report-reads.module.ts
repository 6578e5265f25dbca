import { Module } from '@nestjs/common';
import { ActionReportReader } from './action-report.reader';
import { ReportNamesReader } from './report-names.reader';

/**
 * What the reporting context reads of tracking for its reports (DESIGN §3: its window on
 * tracking): the actions as a report reads them, at a moment, and the names a report shows.
 * Not to be confused with `libs/reporting`, which makes the reports.
 */
@Module({
  providers: [ActionReportReader, ReportNamesReader],
  exports: [ActionReportReader, ReportNamesReader],
})
export class ReportReadsModule {}
