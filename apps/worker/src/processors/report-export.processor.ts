import { Injectable } from '@nestjs/common';
import { JobName, Metrics, LONG_JOB_ATTEMPTS } from '@app/core';
import { ReportExportsService } from '@app/reporting';
import type { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class ReportExportProcessor implements JobHandler<JobName.ReportExport> {
  readonly jobName = JobName.ReportExport;

  constructor(
    private readonly exports: ReportExportsService,
    private readonly metrics: Metrics,
  ) {}

  async process(data: { exportId: string }, context: JobContext): Promise<void> {
    const start = process.hrtime.bigint();
    let outcome = 'failed';
    try {
      await this.exports.render(
        data.exportId,
        context.attempt,
        context.attempt >= LONG_JOB_ATTEMPTS,
      );
      outcome = 'completed';
    } finally {
      this.metrics.exportDuration.observe({ outcome }, Metrics.secondsSince(start));
    }
  }
}
