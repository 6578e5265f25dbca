import type { Notice, NotificationKind, NotificationPayload } from '@app/notifications';
import type { ActionSnapshot } from '@app/tracking';
import type { Recipient } from './recipients';

/** The notices of one cause for its recipients, with what every text says of the action. */
export function noticesFor(
  recipients: readonly Recipient[],
  action: Pick<ActionSnapshot, 'id' | 'programmeId' | 'title' | 'deadline' | 'ownerOrganisation'>,
  cause: { kind: NotificationKind; sourceKey: string; payload?: NotificationPayload },
): Notice[] {
  const payload: NotificationPayload = {
    actionTitle: action.title,
    deadline: action.deadline,
    ownerOrganisation: action.ownerOrganisation.name,
    ...cause.payload,
  };
  return recipients.map((recipient) => ({
    userId: recipient.userId,
    kind: cause.kind,
    sourceKey: cause.sourceKey,
    reason: recipient.reason,
    programmeId: action.programmeId,
    actionId: action.id,
    payload,
  }));
}
