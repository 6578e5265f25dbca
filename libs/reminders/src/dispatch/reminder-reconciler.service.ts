import { Injectable, Logger } from '@nestjs/common';
import { Clock, JobQueueService } from '@app/core';
import { MailJobs } from '@app/notifications';
import { reminderPlacements } from '../scheduling/reminder-jobs';
import { ReminderScheduler } from '../scheduling/reminder-scheduler.service';
import { RemindersRepository } from '../scheduling/reminders.repository';

const LIMIT = 20_000;

export interface ReconcileReport {
  /** Moments of due rows whose job had to be added, promoted, retried or replaced. */
  repaired: number;
  /** Moments within the horizon put on the queue (already there: no-op). */
  queued: number;
  /** E-mail deliveries and digests whose job had to be repaired. */
  mail: number;
}

/**
 * Reconciles the rows with the queue (issue 6, item 2): PostgreSQL holds what must be sent;
 * Redis may have lost any of it (a flush, a restart without persistence). Rows coming due
 * within the horizon are queued (a duplicate id is a no-op), and a due row whose job is
 * missing, failed or ran too early is queued again. The worker runs it every
 * REMINDER_RECONCILE_INTERVAL_SECONDS.
 */
@Injectable()
export class ReminderReconciler {
  private readonly logger = new Logger(ReminderReconciler.name);

  constructor(
    private readonly reminders: RemindersRepository,
    private readonly scheduler: ReminderScheduler,
    private readonly mail: MailJobs,
    private readonly queues: JobQueueService,
    private readonly clock: Clock,
  ) {}

  async reconcile(): Promise<ReconcileReport> {
    const now = this.clock.now();
    const moments = await this.reminders.dueMomentsBefore(
      new Date(now.getTime() + this.scheduler.horizonMs),
      LIMIT,
    );
    // A due moment's job must run now: missing (Redis lost it), failed for good, still
    // delayed although due (the clock moved), or done before these rows came (replaced).
    let repaired = 0;
    const upcoming = reminderPlacements(
      moments.filter((moment) => moment.dueAt > now),
      now,
    );
    for (const placement of reminderPlacements(
      moments.filter((moment) => moment.dueAt <= now),
      now,
    )) {
      if ((await this.queues.ensure(placement)) !== 'present') repaired += 1;
    }
    await this.queues.enqueueMany(upcoming);
    const mail = await this.mail.reconcile();
    const report = { repaired, queued: upcoming.length, mail };
    if (repaired > 0 || mail > 0) this.logger.log(`reconciled: ${JSON.stringify(report)}`);
    return report;
  }
}
