import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { Alert, Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { useMembers } from '../action/use-members';
import { useNames } from '../action/use-names';
import type { Policy } from './policy-form';
import { NextReminders } from './next-reminders';
import { ProgrammeChoice, useAdminProgramme } from './programme-choice';
import { PolicyForm } from './reminder-policy-form';

/** Herinneringsbeleid: the programme's reminder policy, and the reminders it plans next. */
export default function ReminderPolicyScreen() {
  const t = useT();
  usePageTitle(t.adminOps.reminderPolicy);
  const { programmeId, mayManage } = useAdminProgramme();
  return (
    <>
      <Heading level={1}>{t.adminOps.reminderPolicy}</Heading>
      <Paragraph>{t.adminOps.policyIntro}</Paragraph>
      <ProgrammeChoice />
      {programmeId === null ? null : mayManage ? (
        <PolicyArea key={programmeId} programmeId={programmeId} />
      ) : (
        <Alert type="info">
          <Paragraph>{t.adminOps.coordinatorsOnly}</Paragraph>
        </Alert>
      )}
    </>
  );
}

function PolicyArea({ programmeId }: { programmeId: string }) {
  const t = useT();
  const names = useNames(programmeId);
  const members = useMembers(programmeId);
  const [loaded, setLoaded] = useState<
    { status: 'loading' | 'failed' } | { status: 'loaded'; policy: Policy; etag: string }
  >({ status: 'loading' });
  const [savedAt, setSavedAt] = useState(0);
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/reminder-policy', { params: { path: { id: programmeId } } })
      .then(({ data, response }) => {
        if (!current) return;
        if (data)
          setLoaded({
            status: 'loaded',
            policy: data,
            etag: response.headers.get('ETag') ?? `"${data.version}"`,
          });
        else setLoaded({ status: 'failed' });
      })
      .catch(() => current && setLoaded({ status: 'failed' }));
    return () => {
      current = false;
    };
  }, [programmeId]);
  if (loaded.status !== 'loaded')
    return <Paragraph>{loaded.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>;
  return (
    <>
      <PolicyForm
        programmeId={programmeId}
        policy={loaded.policy}
        etag={loaded.etag}
        members={members.status === 'loaded' ? members.members : []}
        names={names}
        onSaved={() => setSavedAt(Date.now())}
      />
      <NextReminders programmeId={programmeId} names={names} savedAt={savedAt} />
    </>
  );
}
