import { Injectable } from '@nestjs/common';
import { JobName } from '@app/core';
import { ReportExportsService } from '@app/reporting';
import type { JobHandler } from '../jobs/job-handler';

@Injectable()
export class ReportExportsPurgeProcessor implements JobHandler<JobName.ReportExportsPurge> {
  readonly jobName = JobName.ReportExportsPurge;

  constructor(private readonly exports: ReportExportsService) {}

  async process(): Promise<void> {
    await this.exports.purge();
  }
}
