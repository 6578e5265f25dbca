import { Injectable } from '@nestjs/common';
import { JobName, LONG_JOB_ATTEMPTS } from '@app/core';
import { ImportPlanner } from '@app/imports';
import type { JobContext, JobHandler } from '../jobs/job-handler';

@Injectable()
export class ImportPlanProcessor implements JobHandler<JobName.ImportPlan> {
  readonly jobName = JobName.ImportPlan;

  constructor(private readonly planner: ImportPlanner) {}

  process(data: { importId: string }, context: JobContext): Promise<void> {
    return this.planner.plan(data.importId, context.attempt >= LONG_JOB_ATTEMPTS);
  }
}
