import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuditEventInput, AuditService } from '@app/audit';
import { type JobPlacement, JobQueueService } from '@app/core';
import { type Dispatch, MailJobs } from '@app/notifications';

/**
 * What a planning transaction leaves: audit events to record as its last write
 * (`recordAudit`), and jobs for the queue once it commits (`afterCommit`).
 */
export interface QueueWork {
  audit: AuditEventInput[];
  placements: JobPlacement[];
  dispatches: Dispatch[];
}

export const emptyWork = (): QueueWork => ({ audit: [], placements: [], dispatches: [] });

/** Settles what planning left: its audit events before the commit, its jobs after it. */
@Injectable()
export class QueueWorkService {
  private readonly logger = new Logger(QueueWorkService.name);

  constructor(
    private readonly audit: AuditService,
    private readonly queues: JobQueueService,
    private readonly mail: MailJobs,
  ) {}

  /** Records the audit events of planning: the caller's last write before it commits. */
  async recordAudit(manager: EntityManager, work: QueueWork): Promise<void> {
    await this.audit.recordMany(manager, work.audit.splice(0));
  }

  /**
   * Queues what a committed transaction planned; Redis away leaves it to the reconciler. A
   * moment already due may have had its job run already (another action's rows at it), or have
   * it running now, having read the moment's rows before these were committed: either way the
   * moment runs again (a row is sent once, however often its moment runs).
   */
  async afterCommit(work: QueueWork): Promise<void> {
    try {
      const due = work.placements.filter((placement) => (placement.delayMs ?? 0) <= 0);
      await this.queues.enqueueMany([
        ...work.placements.filter((placement) => (placement.delayMs ?? 0) > 0),
        ...work.dispatches.flatMap((dispatch) => this.mail.placements(dispatch)),
      ]);
      for (const placement of due) await this.queues.ensure(placement, { newWork: true });
    } catch (error) {
      this.logger.warn(`reminder jobs left to the reconciler: ${(error as Error).message}`);
    }
  }
}
