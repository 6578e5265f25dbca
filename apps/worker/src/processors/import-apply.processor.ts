import { Injectable } from '@nestjs/common';
import { JobName, LONG_JOB_ATTEMPTS } from '@app/core';
import { ImportApplier } from '@app/imports';
import type { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class ImportApplyProcessor implements JobHandler<JobName.ImportApply> {
  readonly jobName = JobName.ImportApply;

  constructor(private readonly applier: ImportApplier) {}

  process(data: { importId: string }, context: JobContext): Promise<void> {
    return this.applier.apply(data.importId, context.attempt >= LONG_JOB_ATTEMPTS);
  }
}
