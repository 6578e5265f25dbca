import { Injectable } from '@nestjs/common';
import { JobName } from '@app/core';
import { ImportsService } from '@app/imports';
import type { JobHandler } from '../jobs/job-handler';

@Injectable()
export class ImportsPurgeProcessor implements JobHandler<JobName.ImportsPurge> {
  readonly jobName = JobName.ImportsPurge;

  constructor(private readonly imports: ImportsService) {}

  async process(): Promise<void> {
    await this.imports.purge();
  }
}
