import type { DeliveryRules } from '@app/notifications';
import { addDays, amsterdamInstant, localDate, nextSendingDay } from '../calendar/working-days';
import type { ReminderPolicy } from './reminder-policy';

/** The digest goes out this long after the day's reminders, so that it holds all of them. */
export const DIGEST_DELAY_MS = 30 * 60 * 1000;

/** The digest moment of a sending day: the send hour plus the gathering delay. */
function digestMoment(date: string, policy: ReminderPolicy): Date {
  return new Date(amsterdamInstant(date, policy.sendHour).getTime() + DIGEST_DELAY_MS);
}

/** How the programme's e-mail goes out: its digest option and its days and hour. */
export function deliveryRules(policy: ReminderPolicy): DeliveryRules {
  return {
    digest: policy.digest,
    digestFor(after: Date) {
      let date = nextSendingDay(localDate(after), policy);
      if (digestMoment(date, policy) <= after) date = nextSendingDay(addDays(date, 1), policy);
      return { date, sendAt: digestMoment(date, policy) };
    },
  };
}
