import type { ProgrammeMember } from '@app/identity';
import type { NotificationReason } from '@app/notifications';

export interface Recipient {
  userId: string;
  reason: NotificationReason;
}

/**
 * Who is reminded of an action: its owner, when they are an active member of the programme;
 * else the editors of the owning organisation in the programme; else its coordinators, so
 * that a reminder never goes nowhere.
 */
export function ownerRecipients(
  action: { ownerUserId: string | null; ownerOrganisation: { id: string } },
  members: readonly ProgrammeMember[],
): Recipient[] {
  if (action.ownerUserId && members.some((member) => member.userId === action.ownerUserId)) {
    return [{ userId: action.ownerUserId, reason: 'owner' }];
  }
  const editors = members.filter(
    (member) => member.role === 'editor' && member.organisationId === action.ownerOrganisation.id,
  );
  if (editors.length > 0) {
    return editors.map((member) => ({ userId: member.userId, reason: 'owner_organisation' }));
  }
  return members
    .filter((member) => member.role === 'coordinator')
    .map((member) => ({ userId: member.userId, reason: 'coordinator' }));
}

/** The owners and the contacts of an escalation level (active members only), each once. */
export function escalationRecipients(
  owners: readonly Recipient[],
  contactUserIds: readonly string[],
  members: readonly ProgrammeMember[],
): Recipient[] {
  const active = new Set(members.map((member) => member.userId));
  const contacts = contactUserIds
    .filter((userId) => active.has(userId) && !owners.some((owner) => owner.userId === userId))
    .map((userId): Recipient => ({ userId, reason: 'escalation_contact' }));
  return [...owners, ...contacts];
}
