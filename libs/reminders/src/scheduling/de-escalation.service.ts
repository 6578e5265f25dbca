import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { dutchEscalationLevel, NotificationsService } from '@app/notifications';
import { type ActionSnapshot, ActionSnapshots } from '@app/tracking';
import { badSince } from '../planning/occasion-due';
import type { ActionFacts } from '../planning/reminder-plan.model';
import { deliveryRules } from '../policy/delivery-rules';
import { noticesFor } from './notices';
import type { ProgrammeContext } from './programme-contexts';
import type { QueueWork } from './queue-work.service';
import { escalationRecipients, ownerRecipients } from './recipients';

/** The way down the escalation ladder, taken while planning (issue 6, item 2). */
@Injectable()
export class DeEscalationService {
  constructor(
    private readonly snapshots: ActionSnapshots,
    private readonly notifications: NotificationsService,
  ) {}

  /**
   * Takes an escalated action off the ladder once its bad period is over (back on track,
   * deadline moved, update given, or closed), and tells its owners and the level's contacts.
   */
  async deEscalate(
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
