import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Clock } from '@app/core';
import { type ActionSnapshot, ActionSnapshots } from '@app/tracking';
import { settledSince } from '../planning/next-reminders';
import { UpdateRoundsRepository } from '../rounds/update-rounds.repository';
import { DeEscalationService } from './de-escalation.service';
import { type ProgrammeContext, ProgrammeContexts } from './programme-contexts';
import { emptyWork, type QueueWork, QueueWorkService } from './queue-work.service';
import { reminderChanges, toFacts } from './reminder-changes';
import { reminderPlacements } from './reminder-jobs';
import { plannedKey, RemindersRepository } from './reminders.repository';

const BATCH = 1000;
const PARALLEL_BATCHES = 3;

/**
 * Keeps the reminder rows of actions in step with the actions, their programme's policy and
 * its update rounds (issue 6, item 2): each open action has its next reminder scheduled
 * (`planNext`), and whatever no longer applies or is no longer next is cancelled. After
 * the commit it puts the jobs of rows due within the horizon on the queue. Idempotent:
 * planning twice changes nothing the second time.
 */
@Injectable()
export class ReminderScheduler {
  private readonly logger = new Logger(ReminderScheduler.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly reminders: RemindersRepository,
    private readonly rounds: UpdateRoundsRepository,
    private readonly snapshots: ActionSnapshots,
    private readonly programmes: ProgrammeContexts,
    private readonly deEscalation: DeEscalationService,
    private readonly queueWork: QueueWorkService,
    private readonly clock: Clock,
  ) {}

  get horizonMs(): number {
    return this.config.reminders.jobHorizonHours * 3600 * 1000;
  }

  /** Plans these actions in a transaction of their own, then queues the jobs. */
  async rescheduleActions(actionIds: readonly string[]): Promise<void> {
    for (let start = 0; start < actionIds.length; start += BATCH) {
      const batch = actionIds.slice(start, start + BATCH);
      const work = await this.dataSource.transaction((manager) =>
        this.planAndRecord(manager, batch, new Map()),
      );
      await this.queueWork.afterCommit(work);
    }
  }

  /** Plans every open action of a programme (its policy changed), in batches. */
  async rescheduleProgramme(programmeId: string): Promise<number> {
    let after: string | null = null;
    let count = 0;
    const contexts = new Map<string, ProgrammeContext>();
    for (;;) {
      const ids = await this.snapshots.openIds(programmeId, after, BATCH * PARALLEL_BATCHES);
      if (ids.length === 0) return count;
      // A few transactions at once: each waits mostly on PostgreSQL, and their actions differ.
      const batches = Array.from({ length: Math.ceil(ids.length / BATCH) }, (_, i) =>
        ids.slice(i * BATCH, (i + 1) * BATCH),
      );
      await Promise.all(
        batches.map(async (batch) => {
          const work = await this.dataSource.transaction((manager) =>
            this.planAndRecord(manager, batch, contexts),
          );
          await this.queueWork.afterCommit(work);
        }),
      );
      count += ids.length;
      after = ids[ids.length - 1];
    }
  }

  /** Plans the actions of an update round (it was created or cancelled). */
  async rescheduleRound(roundId: string): Promise<void> {
    await this.rescheduleActions(await this.rounds.actionIds(roundId));
  }

  private async planAndRecord(
    manager: EntityManager,
    actionIds: readonly string[],
    contexts: Map<string, ProgrammeContext>,
  ): Promise<QueueWork> {
    const work = await this.plan(manager, actionIds, contexts);
    await this.queueWork.recordAudit(manager, work);
    return work;
  }

  /**
   * Plans these actions in the caller's transaction: locks them, brings the rows in step,
   * and de-escalates an action whose bad period is over. Answers the audit events for the
   * end of the transaction and the queue's work for after the commit.
   */
  async plan(
    manager: EntityManager,
    actionIds: readonly string[],
    contexts: Map<string, ProgrammeContext>,
  ): Promise<QueueWork> {
    const work = emptyWork();
    if (actionIds.length === 0) return work;
    const snapshots = await this.snapshots.load(actionIds, manager, { lock: true });
    const now = this.clock.now();
    await this.programmes.load(manager, snapshots, contexts);
    const rounds = await this.rounds.openRoundsOf(manager, actionIds);
    const facts = new Map(
      snapshots.map((snapshot) => [snapshot.id, toFacts(snapshot, rounds.get(snapshot.id) ?? [])]),
    );
    for (const snapshot of snapshots) {
      const context = contexts.get(snapshot.programmeId)!;
      await this.deEscalation.deEscalate(
        manager,
        snapshot,
        facts.get(snapshot.id)!,
        context,
        now,
        work,
      );
    }
    // Planning reads the rows settled lately: enough, unless a policy change moved an
    // occasion sent long ago into the future. Its insert then finds the sent row, and that
    // action is planned once more with all of its rows.
    let pending: readonly ActionSnapshot[] = snapshots;
    let since = settledSince(now);
    for (let pass = 0; pass < 2 && pending.length > 0; pass += 1) {
      const known = groupBy(
        await this.reminders.known(
          manager,
          pending.map((snapshot) => snapshot.id),
          since,
        ),
        (row) => row.actionId,
      );
      const changes = pending.map((snapshot) =>
        reminderChanges(
          snapshot,
          facts.get(snapshot.id)!,
          contexts.get(snapshot.programmeId)!,
          now,
          known.get(snapshot.id) ?? [],
        ),
      );
      await this.reminders.cancel(
        manager,
        changes.flatMap((change) => change.cancelled),
      );
      await this.reminders.settleMany(
        manager,
        [],
        changes.flatMap((change) => change.skipped),
      );
      await this.reminders.reschedule(
        manager,
        changes.flatMap((change) => change.moved),
      );
      const planned = changes.flatMap((change) => change.planned);
      const written = await this.reminders.upsert(manager, planned);
      const refused = new Set(
        planned.filter((row) => !written.has(plannedKey(row))).map((row) => row.actionId),
      );
      pending = pending.filter((snapshot) => refused.has(snapshot.id));
      since = new Date(0);
    }
    if (pending.length > 0) {
      this.logger.warn(`reminders of ${pending.map((s) => s.id).join(', ')} left unplanned`);
    }
    const horizon = new Date(now.getTime() + this.horizonMs);
    work.placements.push(
      ...reminderPlacements(await this.reminders.dueBefore(manager, actionIds, horizon), now),
    );
    return work;
  }
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
