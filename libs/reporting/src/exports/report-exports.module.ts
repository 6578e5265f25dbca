import { Module } from '@nestjs/common';
import { ProgrammesModule } from '@app/identity';
import { ReportingModule } from '../progress/progress-reports.module';
import { ReportExportsRepository } from './report-exports.repository';
import { ReportExportsService } from './report-exports.service';

/** Report exports: the API asks, the worker renders, the requester downloads. */
@Module({
  imports: [ReportingModule, ProgrammesModule],
  providers: [ReportExportsRepository, ReportExportsService],
  exports: [ReportExportsService, ReportingModule],
})
export class ReportExportsModule {}
