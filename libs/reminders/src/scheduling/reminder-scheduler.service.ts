import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, type AppConfig, Clock, type JobPlacement, JobQueueService } from '@app/core';
import { type AuditEventInput, AuditService } from '@app/audit';
import { PeopleDirectory } from '@app/identity';
import {
  type Dispatch,
  dutchEscalationLevel,
  MailJobs,
  NotificationsService,
} from '@app/notifications';
import { type ActionSnapshot, ActionSnapshots } from '@app/tracking';
import { planNext, settledSince } from '../planning/next-reminders';
import { type ActionFacts, badSince, type Occasion } from '../planning/reminder-plan';
import { deliveryRules } from '../policy/delivery-rules';
import { ReminderPoliciesRepository } from '../policy/reminder-policies.repository';
import type { StoredReminderPolicy } from '../policy/reminder-policy';
import { UpdateRoundsRepository } from '../rounds/update-rounds.repository';
import { noticesFor } from './notices';
import {
  escalationRecipients,
  ownerRecipients,
  ProgrammeMembers,
  recipientsOf,
} from './recipients';
import { reminderPlacements } from './reminder-jobs';
import {
  type KnownRow,
  type PlannedRow,
  plannedKey,
  RemindersRepository,
} from './reminders.repository';

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

/** What planning an action needs about its programme, read once per transaction. */
export interface ProgrammeContext {
  policy: StoredReminderPolicy;
  members: ProgrammeMembers;
}

const BATCH = 1000;
const PARALLEL_BATCHES = 3;
const sameSet = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().join() === [...b].sort().join();

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
    private readonly policies: ReminderPoliciesRepository,
    private readonly rounds: UpdateRoundsRepository,
    private readonly snapshots: ActionSnapshots,
    private readonly people: PeopleDirectory,
    private readonly notifications: NotificationsService,
    private readonly mail: MailJobs,
    private readonly queues: JobQueueService,
    private readonly audit: AuditService,
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
      await this.afterCommit(work);
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
          await this.afterCommit(work);
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
    await this.recordAudit(manager, work);
    return work;
  }

  /** Records the audit events of planning: the caller's last write before it commits. */
  async recordAudit(manager: EntityManager, work: QueueWork): Promise<void> {
    await this.audit.recordMany(manager, work.audit.splice(0));
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
    await this.loadContexts(manager, snapshots, contexts);
    const rounds = await this.rounds.openRoundsOf(manager, actionIds);
    const facts = new Map(
      snapshots.map((snapshot) => [snapshot.id, toFacts(snapshot, rounds.get(snapshot.id) ?? [])]),
    );
    for (const snapshot of snapshots) {
      const context = contexts.get(snapshot.programmeId)!;
      await this.deEscalate(manager, snapshot, facts.get(snapshot.id)!, context, now, work);
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
        this.changesOf(snapshot, facts.get(snapshot.id)!, contexts, now, known),
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

  /**
   * What one action's rows need: cancellations, overtaken rows to skip, moves and new (or
   * revived) occasions.
   */
  private changesOf(
    snapshot: ActionSnapshot,
    facts: ActionFacts,
    contexts: Map<string, ProgrammeContext>,
    now: Date,
    known: Map<string, KnownRow[]>,
  ): {
    cancelled: { id: string; reason: string }[];
    skipped: { id: string; reason: string }[];
    moved: { id: string; dueAt: Date; recipientUserIds: string[] }[];
    planned: PlannedRow[];
  } {
    const { policy, members } = contexts.get(snapshot.programmeId)!;
    const owners = ownerRecipients(snapshot, members);
    const recipients = (occasion: Pick<Occasion, 'kind' | 'step'>): string[] =>
      recipientsOf(occasion, owners, policy, members).map((recipient) => recipient.userId);
    const next = planNext(facts, policy, now, known.get(snapshot.id) ?? []);
    const moved: { id: string; dueAt: Date; recipientUserIds: string[] }[] = [];
    for (const { row, dueAt } of next.keep) {
      const recipientUserIds = recipients(row);
      if (
        dueAt.getTime() !== row.dueAt.getTime() ||
        !sameSet(recipientUserIds, row.recipientUserIds)
      ) {
        moved.push({ id: row.id, dueAt, recipientUserIds });
      }
    }
    return {
      cancelled: next.cancel.map(({ row, reason }) => ({ id: row.id, reason })),
      skipped: next.skip.map(({ row, reason }) => ({ id: row.id, reason })),
      moved,
      planned: next.insert.map((occasion) => ({
        ...occasion,
        programmeId: snapshot.programmeId,
        actionId: snapshot.id,
        recipientUserIds: recipients(occasion),
      })),
    };
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

  /** The policy and members of each programme of these actions, once per programme. */
  async loadContexts(
    manager: EntityManager,
    snapshots: readonly { programmeId: string }[],
    contexts: Map<string, ProgrammeContext>,
  ): Promise<void> {
    const missing = [...new Set(snapshots.map((s) => s.programmeId))].filter(
      (id) => !contexts.has(id),
    );
    if (missing.length === 0) return;
    const policies = await this.policies.forProgrammes(missing, manager);
    for (const programmeId of missing) {
      contexts.set(programmeId, {
        policy: policies.get(programmeId)!,
        members: new ProgrammeMembers(await this.people.activeMembers(programmeId, manager)),
      });
    }
  }

  /**
   * Takes an escalated action off the ladder once its bad period is over (back on track,
   * deadline moved, update given, or closed), and tells its owners and the level's contacts.
   */
  private async deEscalate(
    manager: EntityManager,
    snapshot: ActionSnapshot,
    facts: ActionFacts,
    context: ProgrammeContext,
    now: Date,
    work: QueueWork,
  ): Promise<void> {
    const level = snapshot.escalationLevel;
    if (level === null) return;
    const since = badSince(facts, context.policy);
    if (since && since <= now) return;
    const changed = await this.snapshots.setEscalation(
      manager,
      snapshot.id,
      null,
      `De-escalatie: niet langer geëscaleerd naar ${dutchEscalationLevel(level)} (${snapshot.closed ? 'afgesloten' : 'weer op koers'}).`,
      { from: level, why: snapshot.closed ? 'closed' : 'no longer overdue, off track or behind' },
      work.audit,
    );
    if (!changed) return;
    facts.escalationLevel = null;
    const rung = context.policy.escalation.find((step) => step.level === level);
    const recipients = escalationRecipients(
      ownerRecipients(snapshot, context.members),
      rung?.contactUserIds ?? [],
      context.members,
    );
    const notices = noticesFor(recipients, snapshot, {
      kind: 'de_escalation',
      sourceKey: `de-escalation:${snapshot.id}:${snapshot.version + 1}`,
      payload: { previousLevel: level },
    });
    work.dispatches.push(
      await this.notifications.notify(manager, notices, () => deliveryRules(context.policy)),
    );
  }
}

export function toFacts(
  snapshot: ActionSnapshot,
  rounds: readonly { id: string; createdAt: Date; dueDate: string }[],
): ActionFacts {
  return {
    id: snapshot.id,
    programmeId: snapshot.programmeId,
    deadline: snapshot.deadline,
    closed: snapshot.closed,
    health: snapshot.health,
    escalationLevel: snapshot.escalationLevel,
    lastProgressAt: snapshot.lastProgressAt,
    offTrackSince: snapshot.offTrackSince,
    rounds: rounds.map((round) => ({
      ...round,
      updated: snapshot.lastProgressAt >= round.createdAt,
    })),
  };
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}
