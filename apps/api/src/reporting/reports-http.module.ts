import { Module } from '@nestjs/common';
import { ReportExportsModule } from '@app/reporting';
import { ProgressReportsController } from './progress-reports.controller';
import { ReportExportsController } from './report-exports.controller';

/** HTTP routes of progress reports and their exports. */
@Module({
  imports: [ReportExportsModule],
  controllers: [ProgressReportsController, ReportExportsController],
})
export class ReportsHttpModule {}
