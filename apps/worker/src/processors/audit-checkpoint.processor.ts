import { Injectable, Logger } from '@nestjs/common';
import { AuditIntegrityService } from '@app/audit';
import { JobName } from '@app/core';
import { JobHandler } from '../jobs/job-handler';

@Injectable()
export class AuditCheckpointProcessor implements JobHandler<JobName.AuditCheckpoint> {
  readonly jobName = JobName.AuditCheckpoint;
  private readonly logger = new Logger(AuditCheckpointProcessor.name);

  constructor(private readonly integrity: AuditIntegrityService) {}

  async process(): Promise<void> {
    const outcome = await this.integrity.checkpoint();
    if (outcome.kind === 'written') {
      this.logger.log(`audit checkpoint at sequence ${outcome.sequence}`);
    }
  }
}
