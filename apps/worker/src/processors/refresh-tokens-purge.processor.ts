import { Injectable } from '@nestjs/common';
import { JobName } from '@app/core';
import { SessionsPurge } from '@app/identity';
import type { JobHandler } from '../jobs/job-handler';

@Injectable()
export class RefreshTokensPurgeProcessor implements JobHandler<JobName.RefreshTokensPurge> {
  readonly jobName = JobName.RefreshTokensPurge;

  constructor(private readonly sessions: SessionsPurge) {}

  async process(): Promise<void> {
    await this.sessions.purge();
  }
}
