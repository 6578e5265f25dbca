import { useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import {
  Link,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import type { Names } from '../action/use-names';

type Reminder = Pick<
  Schemas['ReminderResponse'],
  'actionId' | 'kind' | 'step' | 'dueAt' | 'recipientUserIds'
>;

/** Which occasion of its kind a reminder is, in words: "14 dagen vooraf", "3e keer"… */
export function occasionInWords(t: Messages, reminder: Pick<Reminder, 'kind' | 'step'>): string {
  const o = t.adminOps;
  const kind = o.reminderKinds[reminder.kind];
  const days = /^(\d+)d$/.exec(reminder.step);
  if (reminder.kind === 'deadline_upcoming' && days) return o.daysAhead(kind, Number(days[1]));
  const repeat = /^(?:overdue|stale)-(\d+)$/.exec(reminder.step);
  if (repeat) return o.repeatNumber(kind, Number(repeat[1]) + 1);
  if (reminder.kind === 'escalation')
    return o.toLevel(
      kind,
      t.escalationLevel[reminder.step as keyof Messages['escalationLevel']] ?? reminder.step,
    );
  if (reminder.kind === 'update_round')
    return reminder.step === 'request' ? o.roundRequest : o.roundReminder;
  return kind;
}

/** The titles of a few actions (one GET each: the list has no filter by id). */
function useActionTitles(ids: readonly string[]): ReadonlyMap<string, string> {
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());
  const key = [...new Set(ids)].sort().join(',');
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(',') : [];
    void Promise.all(
      wanted.map((id) =>
        api
          .GET('/actions/{id}', { params: { path: { id } } })
          .then(({ data }) => [id, data?.title] as const)
          .catch(() => [id, undefined] as const),
      ),
    ).then((pairs) => {
      if (!current) return;
      setTitles(new Map(pairs.filter((pair): pair is [string, string] => Boolean(pair[1]))));
    });
    return () => {
      current = false;
    };
  }, [key]);
  return titles;
}

/** Reminders soonest first: when, about which action, what, to whom. */
export function RemindersTable({
  reminders,
  caption,
  names,
}: {
  reminders: readonly Reminder[];
  caption: string;
  names: Names;
}) {
  const t = useT();
  const o = t.adminOps;
  const titles = useActionTitles(reminders.map((reminder) => reminder.actionId));
  return (
    <Table>
      <TableCaption>{caption}</TableCaption>
      <TableHeader>
        <TableRow>
          <TableHeaderCell scope="col">{o.dueAt}</TableHeaderCell>
          <TableHeaderCell scope="col">{o.action}</TableHeaderCell>
          <TableHeaderCell scope="col">{o.kind}</TableHeaderCell>
          <TableHeaderCell scope="col">{o.recipients}</TableHeaderCell>
        </TableRow>
      </TableHeader>
      <TableBody>
        {reminders.map((reminder) => (
          <TableRow key={`${reminder.actionId}:${reminder.kind}:${reminder.step}`}>
            <TableCell>
              <time dateTime={reminder.dueAt}>{t.format.dateTime(reminder.dueAt)}</time>
            </TableCell>
            <TableCell>
              <Link href={`/acties/${reminder.actionId}`}>
                {titles.get(reminder.actionId) ?? o.anAction}
              </Link>
            </TableCell>
            <TableCell>{occasionInWords(t, reminder)}</TableCell>
            <TableCell>
              {reminder.recipientUserIds
                .map((id) => names.person(id) ?? o.unknownPerson)
                .join(', ') || o.noValue}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
