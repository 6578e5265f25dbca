import { Injectable } from '@nestjs/common';
import { JobName, JobPayloads } from '@app/core';
import { ChangeNotices } from '@app/reminders';
import { ReportExportsService } from '@app/reporting';
import { JobHandler } from '../jobs/job-handler';

/** A finished export tells the one who asked for it (a `report_ready` notification). */
@Injectable()
export class ReportExportFinishedProcessor implements JobHandler<JobName.ReportExportFinished> {
  readonly jobName = JobName.ReportExportFinished;

  constructor(
    private readonly exports: ReportExportsService,
    private readonly changes: ChangeNotices,
  ) {}

  async process(data: JobPayloads[JobName.ReportExportFinished]): Promise<void> {
    const finished = await this.exports.finished(data.exportId);
    if (finished) await this.changes.reportReady(finished);
  }
}
