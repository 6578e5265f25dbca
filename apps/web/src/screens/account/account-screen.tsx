import { useState } from 'react';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, DataList, Heading, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammes } from '../../components/use-programmes';
import { useT } from '../../i18n';
import { useMe, useSession } from '../../session/session';
import { AccountLinks } from './account-links';
import { Section } from './account-parts';
import { CalendarLinks } from './calendar-links';
import { LanguageForm } from './language-form';
import { NameForm } from './name-form';
import { PasswordForm } from './password-form';

type Form = 'name' | 'password' | 'language';

/**
 * Account: who you are and in which programmes, and what is yours to change: your name, your
 * password and the language of the app (stored with your notification preferences, so that
 * e-mails come in it too). Where the organisation has a provider, your link to it (issue 20).
 * Your calendar links, for subscribing to a programme's deadlines (issue 21).
 * Signing out everywhere ends every session of yours.
 */
export default function AccountScreen() {
  const t = useT();
  usePageTitle(t.account.title);
  const me = useMe();
  const programmes = useProgrammes();
  // One error summary for the page (GOV.UK): the problems of the form sent last.
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [saved, setSaved] = useState<Form | null>(null);
  const report = {
    failed: (found: FieldError[]) => {
      setSaved(null);
      setErrors(found);
    },
    saved: (form: Form) => {
      setErrors([]);
      setSaved(form);
    },
  };

  const programmeName = (id: string) =>
    programmes.find((programme) => programme.id === id)?.name ?? t.app.loading;
  return (
    <>
      <Heading level={1}>{t.account.title}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{t.account.intro}</Paragraph>
      <div className="sbt-stack">
        <Section id="gegevens" title={t.account.detailsTitle}>
          <DataList
            items={[
              { key: t.account.name, value: me.displayName },
              { key: t.account.email, value: me.email },
              {
                key: t.account.organisation,
                value: `${me.organisation.name} (${me.organisation.code})`,
              },
            ]}
          />
        </Section>
        <Section id="rollen" title={t.account.rolesTitle}>
          {me.memberships.length === 0 ? (
            <Paragraph>{t.account.noRoles}</Paragraph>
          ) : (
            <DataList
              items={me.memberships.map((membership) => ({
                key: programmeName(membership.programmeId),
                value: t.role[membership.role],
              }))}
            />
          )}
          {me.isPlatformAdmin && <Paragraph>{t.account.platformAdmin}</Paragraph>}
        </Section>
        <NameForm
          errors={errors}
          saved={saved === 'name'}
          onFailed={report.failed}
          onSaved={() => report.saved('name')}
        />
        <PasswordForm
          errors={errors}
          saved={saved === 'password'}
          onFailed={report.failed}
          onSaved={() => report.saved('password')}
        />
        <AccountLinks onFailed={report.failed} />
        <LanguageForm
          errors={errors}
          saved={saved === 'language'}
          onFailed={report.failed}
          onSaved={() => report.saved('language')}
        />
        <CalendarLinks errors={errors} onErrors={report.failed} />
        <SignOutEverywhere onFailed={report.failed} />
      </div>
    </>
  );
}

function SignOutEverywhere({ onFailed }: { onFailed: (errors: FieldError[]) => void }) {
  const t = useT();
  const session = useSession();
  const [busy, setBusy] = useState(false);
  async function signOutEverywhere() {
    if (busy) return;
    setBusy(true);
    if (await session.signOutEverywhere()) return;
    setBusy(false);
    onFailed([{ message: t.account.signOutEverywhereFailed }]);
  }
  return (
    <Section id="overal-afmelden" title={t.account.signOutEverywhereTitle}>
      <Paragraph>{t.account.signOutEverywhereIntro}</Paragraph>
      <div>
        <Button
          appearance="secondary-action-button"
          busy={busy}
          aria-disabled={busy}
          onClick={() => void signOutEverywhere()}
        >
          {t.account.signOutEverywhere}
        </Button>
      </div>
    </Section>
  );
}
