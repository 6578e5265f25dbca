import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { identifier, StatementParameters } from '../database/statement';
import { JobRequest } from '../jobs/job-registry';

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
    const rows = await manager.query<{ id: string }[]>(
      'INSERT INTO "outbox_events" ("type", "payload") VALUES ($1, $2::jsonb) RETURNING "id"',
      [job.name, JSON.stringify(job.data)],
    );
    return rows[0].id;
  }

  /**
   * The same, as a data-modifying CTE of a statement that makes its change in one go: the
   * event is written only when `gate`, a CTE of that statement, yields a row.
   */
  insertSql(parameters: StatementParameters, job: JobRequest, gate: string): string {
    return `INSERT INTO "outbox_events" ("type", "payload")
      SELECT ${parameters.add(job.name, 'text')}, ${parameters.add(JSON.stringify(job.data), 'jsonb')}
        FROM ${identifier(gate)} LIMIT 1`;
  }
}
