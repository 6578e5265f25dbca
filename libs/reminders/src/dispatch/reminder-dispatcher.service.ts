import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuditEventInput } from '@app/audit';
import { Clock } from '@app/core';
import {
  dutchEscalationLevel,
  MailDeliveryService,
  type Notice,
  type NotificationKind,
  type NotificationPayload,
  NotificationsService,
} from '@app/notifications';
import { type ActionSnapshot, ActionSnapshots, type EscalationLevel } from '@app/tracking';
import { daysBetween, localDate } from '../calendar/working-days';
import { occasionDue } from '../planning/occasion-due';
import { overtakenBy } from '../planning/reminder-plan';
import type { ReminderKind } from '../planning/reminder-plan.model';
import { deliveryRules } from '../policy/delivery-rules';
import { DEFAULT_REMINDER_POLICY, escalationRank } from '../policy/reminder-policy';
import { UpdateRoundsRepository } from '../rounds/update-rounds.repository';
import { noticesFor } from '../scheduling/notices';
import { ownerRecipients, recipientsOf } from '../scheduling/recipients';
import { type ProgrammeContext, ProgrammeContexts } from '../scheduling/programme-contexts';
import { emptyWork, type QueueWork, QueueWorkService } from '../scheduling/queue-work.service';
import { toFacts } from '../scheduling/reminder-changes';
import { ReminderScheduler } from '../scheduling/reminder-scheduler.service';
import { RemindersRepository } from '../scheduling/reminders.repository';

/** A job may run this much before its moment (clocks of Redis and the app differ a little). */
const EARLY_TOLERANCE_MS = 5_000;
/** Rows per transaction, and transactions at once, while a moment's rows go out. */
const CHUNK_ROWS = 100;
const PARALLEL_CHUNKS = 4;

export interface DispatchReport {
  sent: number;
  skipped: number;
  /** The job ran before its moment (the clock was moved back): nothing was done. */
  early: boolean;
}

function notificationKind(kind: ReminderKind, step: string): NotificationKind {
  if (kind === 'update_round') return step === 'request' ? 'update_request' : 'update_reminder';
  return kind;
}

/** Splits rows (in action order) into chunks that never split an action's rows. */
function chunksOf<T extends { actionId: string }>(rows: readonly T[]): T[][] {
  const chunks: T[][] = [];
  let current: T[] = [];
  for (const row of rows) {
    const last = current.at(-1);
    if (current.length >= CHUNK_ROWS && last && last.actionId !== row.actionId) {
      chunks.push(current);
      current = [];
    }
    current.push(row);
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

/**
 * Sends the reminders of one programme that come due at one moment (a `reminders.due` job),
 * once. Rows are reloaded under their actions' locks, a chunk per transaction, and nothing
 * happens to a row unless it is still scheduled for that moment and still applies (the
 * action not closed, the deadline not moved, no update since). A chunk makes the
 * notifications, marks its rows sent, raises escalated actions' levels and plans the next
 * occasions in one transaction; its e-mails then go out in small locked groups.
 */
@Injectable()
export class ReminderDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly rounds: UpdateRoundsRepository,
    private readonly snapshots: ActionSnapshots,
    private readonly scheduler: ReminderScheduler,
    private readonly programmes: ProgrammeContexts,
    private readonly queueWork: QueueWorkService,
    private readonly notifications: NotificationsService,
    private readonly mail: MailDeliveryService,
    private readonly clock: Clock,
  ) {}

  async dispatch(programmeId: string, dueAtIso: string): Promise<DispatchReport> {
    const dueAt = new Date(dueAtIso);
    const report: DispatchReport = { sent: 0, skipped: 0, early: false };
    if (dueAt.getTime() > this.clock.now().getTime() + EARLY_TOLERANCE_MS) {
      // Ran before its time (the clock was moved back): the reconciler queues it again.
      return { ...report, early: true };
    }
    // A run before this one (killed after a commit) may have left e-mails unsent.
    const sentBefore = await this.reminders.sentAt(programmeId, dueAt);
    await this.mail.resume(sentBefore.map((id) => `reminder:${id}`));
    // Read once for the whole moment: the policy and the members of the programme.
    const contexts = new Map<string, ProgrammeContext>();
    const batchSize = CHUNK_ROWS * PARALLEL_CHUNKS;
    let after: string | null = null;
    for (;;) {
      let rows = await this.reminders.scheduledAt(programmeId, dueAt, after, batchSize);
      if (rows.length === 0) return report;
      if (rows.length === batchSize) {
        // A full batch may end inside an action's rows: that action comes with the next one.
        const cut = rows.filter((row) => row.actionId !== rows[rows.length - 1].actionId);
        if (cut.length > 0) rows = cut;
      }
      after = rows[rows.length - 1].actionId;
      await Promise.all(
        chunksOf(rows).map(async (chunk) => {
          const outcome = await this.dataSource.transaction((manager) =>
            this.sendChunk(manager, chunk, dueAt, contexts),
          );
          report.sent += outcome.sent;
          report.skipped += outcome.skipped;
          await this.queueWork.afterCommit(outcome.work);
          await this.mail.sendBatch(outcome.deliveryIds);
        }),
      );
    }
  }

  private async sendChunk(
    manager: EntityManager,
    candidates: readonly { id: string; actionId: string }[],
    dueAt: Date,
    contexts: Map<string, ProgrammeContext>,
  ): Promise<{ work: QueueWork; deliveryIds: string[]; sent: number; skipped: number }> {
    const actionIds = [...new Set(candidates.map((row) => row.actionId))];
    const snapshots = new Map(
      (await this.snapshots.load(actionIds, manager, { lock: true })).map((snapshot) => [
        snapshot.id,
        snapshot,
      ]),
    );
    const rows = (
      await this.reminders.lockRows(
        manager,
        candidates.map((row) => row.id),
      )
    ).filter(
      // Another job sent it meanwhile, or it moved: not this moment's any more.
      (row) => row.state === 'scheduled' && row.dueAt.getTime() === dueAt.getTime(),
    );
    if (rows.length === 0) return { work: emptyWork(), deliveryIds: [], sent: 0, skipped: 0 };
    const now = this.clock.now();
    await this.programmes.load(manager, [...snapshots.values()], contexts);
    const rounds = await this.rounds.openRoundsOf(manager, actionIds);
    const notices: Notice[] = [];
    const sent: { id: string; recipientUserIds: string[] }[] = [];
    const skipped: { id: string; reason: string }[] = [];
    const replan = new Set<string>();
    const escalations: AuditEventInput[] = [];
    for (const row of rows) {
      const snapshot = snapshots.get(row.actionId)!;
      const context = contexts.get(snapshot.programmeId)!;
      const facts = toFacts(snapshot, rounds.get(row.actionId) ?? []);
      const skip = (reason: string) => {
        skipped.push({ id: row.id, reason });
        replan.add(row.actionId);
      };
      const due = occasionDue(facts, context.policy, row);
      if (!due) {
        skip('no longer applies');
        continue;
      }
      if (due.getTime() !== row.dueAt.getTime()) {
        // The policy moved it (a new send hour) and its re-planning has not come by yet:
        // planning moves the row to its new moment, whose job sends it then.
        replan.add(row.actionId);
        continue;
      }
      if (overtakenBy(facts, context.policy, row, now)) {
        // Late (the worker was down), and a later reminder's moment has passed too: its
        // wording is stale. Planning skips it and schedules the newest one in its place,
        // whose moment has passed, so its job runs at once.
        replan.add(row.actionId);
        continue;
      }
      if (row.kind === 'overdue') {
        // On record (and so to webhooks, issue 21): the deadline passed while it was open.
        escalations.push({
          operation: 'overdue',
          entityType: 'action',
          entityId: row.actionId,
          programmeId: snapshot.programmeId,
          details: { deadline: snapshot.deadline, reminder: row.step, reminderId: row.id },
        });
      }
      const recipients = recipientsOf(
        row,
        ownerRecipients(snapshot, context.members),
        context.policy,
        context.members,
      );
      if (row.kind === 'escalation') {
        const level = row.step as EscalationLevel;
        if (escalationRank(level) <= escalationRank(snapshot.escalationLevel)) {
          skip('the action is at this level or higher already');
          continue;
        }
        await this.snapshots.setEscalation(
          manager,
          row.actionId,
          level,
          `Escalatie naar ${dutchEscalationLevel(level)}: te lang over de deadline, uit koers of zonder antwoord op een uitvraag.`,
          { from: snapshot.escalationLevel, reminderId: row.id, since: row.basis },
          escalations,
        );
        snapshot.escalationLevel = level;
      }
      if (recipients.length === 0) {
        skip('nobody to remind: the programme has no one for it');
        continue;
      }
      notices.push(
        ...noticesFor(recipients, snapshot, {
          kind: notificationKind(row.kind, row.step),
          sourceKey: `reminder:${row.id}`,
          payload: this.payload(row, snapshot, rounds.get(row.actionId) ?? [], now),
        }),
      );
      sent.push({ id: row.id, recipientUserIds: recipients.map((recipient) => recipient.userId) });
      // Only an action's next reminder is scheduled: the one after it is planned now.
      replan.add(row.actionId);
    }
    const dispatch = await this.notifications.notify(manager, notices, (programmeId) =>
      deliveryRules(contexts.get(programmeId ?? '')?.policy ?? DEFAULT_REMINDER_POLICY),
    );
    await this.reminders.settleMany(manager, sent, skipped);
    const work =
      replan.size > 0 ? await this.scheduler.plan(manager, [...replan], contexts) : emptyWork();
    work.audit.unshift(...escalations);
    await this.queueWork.recordAudit(manager, work);
    // This job sends the e-mails itself, after the commit; digests wait for their moment.
    work.dispatches.push({ ...dispatch, deliveryIds: [] });
    return { work, deliveryIds: dispatch.deliveryIds, sent: sent.length, skipped: skipped.length };
  }

  private payload(
    row: { kind: ReminderKind; step: string; basis: string },
    snapshot: ActionSnapshot,
    rounds: readonly { id: string; title: string; dueDate: string; message: string }[],
    now: Date,
  ): NotificationPayload {
    switch (row.kind) {
      case 'deadline_upcoming':
        return { daysBefore: Number.parseInt(row.step, 10) };
      case 'stale':
        return {
          // Calendar days, as the policy counts them.
          staleDays: daysBetween(localDate(snapshot.lastProgressAt), localDate(now)),
        };
      case 'escalation':
        return { level: row.step, previousLevel: snapshot.escalationLevel };
      case 'update_round': {
        const round = rounds.find((candidate) => candidate.id === row.basis);
        return {
          roundTitle: round?.title,
          roundDueDate: round?.dueDate,
          roundMessage: round?.message || undefined,
        };
      }
      default:
        return {};
    }
  }
}
