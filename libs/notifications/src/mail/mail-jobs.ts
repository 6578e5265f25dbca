import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  APP_CONFIG,
  type AppConfig,
  Clock,
  type JobPlacement,
  JobName,
  JobQueueService,
} from '@app/core';
import { EmailDeliveriesRepository } from '../deliveries/email-deliveries.repository';
import type { Dispatch } from '../notifications.service';

/** Job ids derive from the rows, so that enqueuing one twice adds one job. */
export const deliveryJobId = (id: string) => `mail-${id}`;
export const digestJobId = (id: string) => `digest-${id}`;

/**
 * The queue's side of e-mail: the jobs of deliveries and digests, placed when they are made
 * and put back when Redis lost them (the rows in PostgreSQL are what counts).
 */
@Injectable()
export class MailJobs {
  private readonly logger = new Logger(MailJobs.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly deliveries: EmailDeliveriesRepository,
    private readonly queues: JobQueueService,
    private readonly clock: Clock,
  ) {}

  /** The jobs of what `notify` made; digests wait for their moment. */
  placements(dispatch: Dispatch): JobPlacement[] {
    const now = this.clock.now().getTime();
    return [
      ...dispatch.deliveryIds.map((deliveryId) => ({
        job: { name: JobName.MailDeliver, data: { deliveryId } } as const,
        jobId: deliveryJobId(deliveryId),
        delayMs: dispatch.retrying ? this.config.mail.retryDelayMs : undefined,
      })),
      ...dispatch.digests
        .filter((digest) => digest.sendAt.getTime() - now <= this.horizonMs)
        .map((digest) => ({
          job: { name: JobName.MailDigest, data: { digestId: digest.id } } as const,
          jobId: digestJobId(digest.id),
          delayMs: digest.sendAt.getTime() - now,
        })),
    ];
  }

  /** Puts what `notify` made on the queue; if Redis is away, the reconciler does it later. */
  async enqueue(dispatch: Dispatch): Promise<void> {
    const placements = this.placements(dispatch);
    if (placements.length === 0) return;
    try {
      await this.queues.enqueueMany(placements);
    } catch (error) {
      this.logger.warn(`e-mail jobs left to the reconciler: ${(error as Error).message}`);
    }
  }

  private get horizonMs(): number {
    return this.config.reminders.jobHorizonHours * 3600 * 1000;
  }

  /**
   * Makes sure every pending delivery and every digest due within the horizon has its job:
   * after Redis lost its data, or a job gave up while its row still waits. Answers how many
   * jobs it had to add or revive.
   */
  async reconcile(): Promise<number> {
    const now = this.clock.now();
    const { deliveries, digests } = await this.deliveries.outstanding(
      new Date(now.getTime() - 30_000),
      new Date(now.getTime() + this.horizonMs),
      5000,
    );
    let fixed = 0;
    const placements: JobPlacement[] = [
      ...deliveries.map((deliveryId) => ({
        job: { name: JobName.MailDeliver, data: { deliveryId } } as const,
        jobId: deliveryJobId(deliveryId),
        // Not "due": a job waiting out its retry backoff keeps waiting; a lost one comes back.
        delayMs: 1,
      })),
      ...digests.map((digest) => ({
        job: { name: JobName.MailDigest, data: { digestId: digest.id } } as const,
        jobId: digestJobId(digest.id),
        delayMs: digest.sendAt.getTime() - now.getTime(),
      })),
    ];
    for (const placement of placements) {
      if ((await this.queues.ensure(placement)) !== 'present') fixed += 1;
    }
    return fixed;
  }
}
