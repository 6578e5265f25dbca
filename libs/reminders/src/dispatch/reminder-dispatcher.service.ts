import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { Clock } from '@app/core';
import {
  NotificationsService,
  type NotificationKind,
  type NotificationPayload,
} from '@app/notifications';
import { type ActionSnapshot, ActionSnapshots, type EscalationLevel } from '@app/tracking';
import { occasionDue, type ReminderKind } from '../planning/reminder-plan';
import { deliveryRules } from '../policy/delivery-rules';
import { escalationRank } from '../policy/reminder-policy';
import { UpdateRoundsRepository } from '../rounds/update-rounds.repository';
import { noticesFor } from '../scheduling/notices';
import { ownerRecipients } from '../scheduling/recipients';
import {
  emptyWork,
  type ProgrammeContext,
  recipientsOf,
  ReminderScheduler,
  toFacts,
} from '../scheduling/reminder-scheduler.service';
import { RemindersRepository } from '../scheduling/reminders.repository';

/** A job may run this much before its row's time (clocks of Redis and the app differ a little). */
const EARLY_TOLERANCE_MS = 5_000;
const DAY_MS = 24 * 3600 * 1000;

export type DispatchOutcome = 'sent' | 'skipped' | 'stale' | 'early' | 'missing';

function notificationKind(kind: ReminderKind, step: string): NotificationKind {
  if (kind === 'update_round') return step === 'request' ? 'update_request' : 'update_reminder';
  return kind;
}

/**
 * Sends one due reminder (a `reminders.due` job), once: the row is reloaded under its
 * action's lock, and nothing happens unless it is still scheduled for the time the job was
 * made for and still applies (the action not closed, the deadline not moved, no update
 * since). Sending makes the notifications, marks the row sent and plans the next occasion,
 * in one transaction; an escalation also raises the action's level.
 */
@Injectable()
export class ReminderDispatcher {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reminders: RemindersRepository,
    private readonly rounds: UpdateRoundsRepository,
    private readonly snapshots: ActionSnapshots,
    private readonly scheduler: ReminderScheduler,
    private readonly notifications: NotificationsService,
    private readonly clock: Clock,
  ) {}

  async dispatch(reminderId: string, dueAt: string): Promise<DispatchOutcome> {
    const actionId = await this.reminders.actionOf(reminderId);
    if (!actionId) return 'missing';
    let outcome: DispatchOutcome = 'stale';
    const work = await this.dataSource.transaction(async (manager) => {
      await this.reminders.lockActions(manager, [actionId]);
      const row = await this.reminders.lock(manager, reminderId);
      if (!row || row.state !== 'scheduled' || row.dueAt.toISOString() !== dueAt)
        return emptyWork();
      const now = this.clock.now();
      if (row.dueAt.getTime() > now.getTime() + EARLY_TOLERANCE_MS) {
        // Ran before its time (the clock was moved back): the reconciler queues it again.
        outcome = 'early';
        return emptyWork();
      }
      const [snapshot] = await this.snapshots.load([actionId], manager);
      const contexts = new Map<string, ProgrammeContext>();
      await this.scheduler.loadContexts(manager, [snapshot], contexts);
      const context = contexts.get(snapshot.programmeId)!;
      const rounds = await this.rounds.openRoundsOf(manager, [actionId]);
      const facts = toFacts(snapshot, rounds.get(actionId) ?? []);
      const skip = async (reason: string) => {
        outcome = 'skipped';
        await this.reminders.settle(manager, row.id, 'skipped', { reason });
        return this.scheduler.plan(manager, [actionId], contexts);
      };
      const due = occasionDue(facts, context.policy, row);
      if (!due || due.getTime() !== row.dueAt.getTime()) return skip('no longer applies');
      const recipients = recipientsOf(
        row,
        ownerRecipients(snapshot, context.members),
        context.policy,
        context.members,
      );
      if (row.kind === 'escalation') {
        const level = row.step as EscalationLevel;
        if (escalationRank(level) <= escalationRank(snapshot.escalationLevel)) {
          return skip('the action is at this level or higher already');
        }
        await this.snapshots.setEscalation(
          manager,
          actionId,
          level,
          `Escalatie naar ${level} niveau: te lang over de deadline, vertraagd of zonder antwoord op een uitvraag.`,
          { from: snapshot.escalationLevel, reminderId: row.id, since: row.basis },
        );
      }
      if (recipients.length === 0) return skip('nobody to remind: the programme has no one for it');
      const payload = this.payload(row, snapshot, rounds.get(actionId) ?? [], now);
      const dispatch = await this.notifications.notify(
        manager,
        noticesFor(recipients, snapshot, {
          kind: notificationKind(row.kind, row.step),
          sourceKey: `reminder:${row.id}`,
          payload,
        }),
        () => deliveryRules(context.policy),
      );
      await this.reminders.settle(manager, row.id, 'sent', {
        recipientUserIds: recipients.map((recipient) => recipient.userId),
      });
      outcome = 'sent';
      const next = await this.scheduler.plan(manager, [actionId], contexts);
      next.dispatches.push(dispatch);
      return next;
    });
    await this.scheduler.afterCommit(work);
    return outcome;
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
          staleDays: Math.floor((now.getTime() - snapshot.lastProgressAt.getTime()) / DAY_MS),
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
