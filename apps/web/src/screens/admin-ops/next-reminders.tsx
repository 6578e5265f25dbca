import { useCallback, useEffect, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { Names } from '../action/use-names';
import { RemindersTable } from './reminders-table';

type Reminder = Schemas['ReminderResponse'];

/** How many of the next reminders the screen shows (planned, and in a preview). */
export const PREVIEW_LIMIT = 20;
const NEXT = PREVIEW_LIMIT;

/**
 * What the policy plans next: the scheduled reminders, soonest first (GET …/reminders). After
 * a change the worker plans the programme again within seconds; "Vernieuwen" shows the result.
 */
export function NextReminders({
  programmeId,
  names,
  savedAt,
}: {
  programmeId: string;
  names: Names;
  savedAt: number;
}) {
  const t = useT();
  const o = t.adminOps;
  const announce = useAnnounce();
  const [state, setState] = useState<
    { status: 'loading' | 'failed' } | { status: 'loaded'; reminders: Reminder[] }
  >({ status: 'loading' });
  const load = useCallback(async () => {
    const { data } = await api
      .GET('/programmes/{id}/reminders', {
        params: { path: { id: programmeId }, query: { state: 'scheduled', limit: NEXT } },
      })
      .catch(() => ({ data: undefined }));
    setState(data ? { status: 'loaded', reminders: data.data } : { status: 'failed' });
    return Boolean(data);
  }, [programmeId]);
  useEffect(() => {
    void load();
  }, [load, savedAt]);
  return (
    <section aria-labelledby="volgende-herinneringen">
      <Heading level={2} id="volgende-herinneringen">
        {o.nextReminders}
      </Heading>
      <Paragraph>{savedAt > 0 ? o.nextRemindersAfterSave : o.nextRemindersIntro}</Paragraph>
      <Button
        appearance="secondary-action-button"
        onClick={() => void load().then((ok) => announce(ok ? o.refreshed : t.errors.generic))}
      >
        {o.refresh}
      </Button>
      {state.status !== 'loaded' ? (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      ) : state.reminders.length === 0 ? (
        <Paragraph>{o.noScheduled}</Paragraph>
      ) : (
        <RemindersTable reminders={state.reminders} caption={o.scheduledCaption} names={names} />
      )}
    </section>
  );
}
