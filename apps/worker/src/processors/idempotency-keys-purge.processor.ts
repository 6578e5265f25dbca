import { Injectable, Logger } from '@nestjs/common';
import { IdempotencyKeys, JobName } from '@app/core';
import type { JobHandler } from '../jobs/job-handler';

/** Deletes in batches, so that a large backlog never holds one long transaction. */
const BATCH = 5000;

@Injectable()
export class IdempotencyKeysPurgeProcessor implements JobHandler<JobName.IdempotencyKeysPurge> {
  readonly jobName = JobName.IdempotencyKeysPurge;
  private readonly logger = new Logger(IdempotencyKeysPurgeProcessor.name);

  constructor(private readonly keys: IdempotencyKeys) {}

  async process(): Promise<void> {
    let purged = 0;
    for (;;) {
      const deleted = await this.keys.purgeExpired(BATCH);
      purged += deleted;
      if (deleted < BATCH) break;
    }
    if (purged > 0)
      this.logger.log({ event: 'idempotency_keys_purged', purged }, 'expired keys deleted');
  }
}
