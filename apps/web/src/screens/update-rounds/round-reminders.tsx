import { Heading, Paragraph } from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import type { Names } from '../action/use-names';
import type { Reminder, RoundReminders } from './use-round';

function reminderInWords(t: Messages, names: Names, reminder: Reminder): string {
  const what = reminder.step === 'request' ? t.updateRounds.request : t.updateRounds.reminder;
  const to = reminder.recipientUserIds.map((id) => names.person(id) ?? t.action.unknown).join(', ');
  switch (reminder.state) {
    case 'sent':
      return t.updateRounds.reminderSent(
        what,
        t.format.dateTime(reminder.sentAt ?? reminder.dueAt),
        to,
      );
    case 'scheduled':
      return t.updateRounds.reminderScheduled(what, t.format.dateTime(reminder.dueAt), to);
    case 'cancelled':
      return t.updateRounds.reminderCancelled(what);
    default:
      return t.updateRounds.reminderSkipped(what);
  }
}

export function ReminderLines({ reminders, names }: { reminders: Reminder[]; names: Names }) {
  const t = useT();
  if (reminders.length === 0) return <>{t.updateRounds.noReminders}</>;
  return (
    <>
      {reminders.map((reminder) => (
        <span key={reminder.id} className="sbt-line">
          {reminderInWords(t, names, reminder)}
        </span>
      ))}
    </>
  );
}

/** How many requests and reminders went out for the round, and how many are still planned. */
export function RemindersSummary({ reminders }: { reminders: RoundReminders }) {
  const t = useT();
  const count = (list: Reminder[], request: boolean, state: Reminder['state']) =>
    list.filter((r) => (r.step === 'request') === request && r.state === state).length;
  return (
    <section aria-labelledby="herinneringen">
      <Heading level={2} id="herinneringen">
        {t.updateRounds.remindersTitle}
      </Heading>
      {reminders.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : reminders.status === 'forbidden' ? (
        <Paragraph>{t.updateRounds.remindersCoordinatorsOnly}</Paragraph>
      ) : reminders.status === 'failed' ? (
        <Paragraph>{t.action.partFailed}</Paragraph>
      ) : (
        <>
          <Paragraph>
            {t.updateRounds.remindersSummary(
              count(reminders.reminders, true, 'sent'),
              count(reminders.reminders, false, 'sent'),
              reminders.reminders.filter((r) => r.state === 'scheduled').length,
            )}
          </Paragraph>
          {!reminders.complete && <Paragraph>{t.updateRounds.remindersTruncated}</Paragraph>}
        </>
      )}
    </section>
  );
}
