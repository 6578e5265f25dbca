import { Injectable, Logger } from '@nestjs/common';
import { JobName } from '@app/core';
import { ReportVersionChangesRepository } from '@app/reporting';
import type { JobHandler } from '../jobs/job-handler';

/** Deletes in batches, so that a large backlog never holds one long transaction. */
const BATCH = 5000;

@Injectable()
export class ReportVersionChangesPurgeProcessor implements JobHandler<JobName.ReportVersionChangesPurge> {
  readonly jobName = JobName.ReportVersionChangesPurge;
  private readonly logger = new Logger(ReportVersionChangesPurgeProcessor.name);

  constructor(private readonly changes: ReportVersionChangesRepository) {}

  async process(): Promise<void> {
    let purged = 0;
    for (;;) {
      const deleted = await this.changes.purge(BATCH);
      purged += deleted;
      if (deleted < BATCH) break;
    }
    if (purged > 0)
      this.logger.log(
        { event: 'report_version_changes_purged', purged },
        'summary change log rows deleted',
      );
  }
}
