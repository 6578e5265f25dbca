import { Injectable } from '@nestjs/common';
import { JobName, REPORT_EXPORT_ATTEMPTS } from '@app/core';
import { ReportExportsService } from '@app/reporting';
import type { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class ReportExportProcessor implements JobHandler<JobName.ReportExport> {
  readonly jobName = JobName.ReportExport;

  constructor(private readonly exports: ReportExportsService) {}

  process(data: { exportId: string }, context: JobContext): Promise<void> {
    return this.exports.render(
      data.exportId,
      context.attempt,
      context.attempt >= REPORT_EXPORT_ATTEMPTS,
    );
  }
}
