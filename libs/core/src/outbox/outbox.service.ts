import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { JobRequest } from '../jobs/job-registry';
import { OutboxEventEntity } from './outbox-event.entity';

/**
 * Records work that must follow a commit. Called with the transaction's EntityManager, so the
 * event commits with the change or not at all; the worker's relay publishes it afterwards.
 */
@Injectable()
export class OutboxService {
  async record(manager: EntityManager, job: JobRequest): Promise<string> {
    if (!manager.queryRunner?.isTransactionActive) {
      // A programming error: an outbox event outside a transaction could outlive a rollback.
      throw new Error('OutboxService.record must be called inside a transaction');
    }
    const result = await manager.insert(OutboxEventEntity, { type: job.name, payload: job.data });
    return (result.identifiers[0] as { id: string }).id;
  }
}
