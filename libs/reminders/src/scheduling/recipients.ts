import type { ProgrammeMember } from '@app/identity';
import type { NotificationReason } from '@app/notifications';
import type { Occasion } from '../planning/reminder-plan.model';
import type { ReminderPolicy } from '../policy/reminder-policy';

export interface Recipient {
  userId: string;
  reason: NotificationReason;
}

/**
 * A programme's active members, indexed once: planning a programme's actions asks who
 * the owners and editors are for every one of them.
 */
export class ProgrammeMembers {
  private readonly active: ReadonlySet<string>;
  private readonly editors = new Map<string, string[]>();
  readonly coordinators: readonly string[];

  constructor(readonly list: readonly ProgrammeMember[]) {
    this.active = new Set(list.map((member) => member.userId));
    for (const member of list) {
      if (member.role !== 'editor') continue;
      const editors = this.editors.get(member.organisationId) ?? [];
      editors.push(member.userId);
      this.editors.set(member.organisationId, editors);
    }
    this.coordinators = list
      .filter((member) => member.role === 'coordinator')
      .map((member) => member.userId);
  }

  has(userId: string): boolean {
    return this.active.has(userId);
  }

  editorsOf(organisationId: string): readonly string[] {
    return this.editors.get(organisationId) ?? [];
  }
}

/**
 * Who is reminded of an action: its owner, when they are an active member of the programme;
 * else the editors of the owning organisation in the programme; else its coordinators, so
 * that a reminder never goes nowhere.
 */
export function ownerRecipients(
  action: { ownerUserId: string | null; ownerOrganisation: { id: string } },
  members: ProgrammeMembers,
): Recipient[] {
  if (action.ownerUserId && members.has(action.ownerUserId)) {
    return [{ userId: action.ownerUserId, reason: 'owner' }];
  }
  const editors = members.editorsOf(action.ownerOrganisation.id);
  if (editors.length > 0) {
    return editors.map((userId) => ({ userId, reason: 'owner_organisation' }));
  }
  return members.coordinators.map((userId) => ({ userId, reason: 'coordinator' }));
}

/** The owners and the contacts of an escalation level (active members only), each once. */
export function escalationRecipients(
  owners: readonly Recipient[],
  contactUserIds: readonly string[],
  members: ProgrammeMembers,
): Recipient[] {
  const contacts = contactUserIds
    .filter((userId) => members.has(userId) && !owners.some((owner) => owner.userId === userId))
    .map((userId): Recipient => ({ userId, reason: 'escalation_contact' }));
  return [...owners, ...contacts];
}

/** Escalation rows go to the owners and the contacts of their level; all others to owners. */
export function recipientsOf(
  occasion: Pick<Occasion, 'kind' | 'step'>,
  owners: Recipient[],
  policy: Pick<ReminderPolicy, 'escalation'>,
  members: ProgrammeMembers,
): Recipient[] {
  if (occasion.kind !== 'escalation') return owners;
  const rung = policy.escalation.find((step) => step.level === occasion.step);
  return escalationRecipients(owners, rung?.contactUserIds ?? [], members);
}
