import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  DataList,
  Heading,
  Paragraph,
  RadioGroupField,
  TextField,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammes } from '../../components/use-programmes';
import { type Language, messagesFor, useLanguage, useT } from '../../i18n';
import { useMe, useSession } from '../../session/session';
import { AccountLinks } from './account-links';
import { CalendarLinks } from './calendar-links';
import { nameProblems, passwordProblems, retryMinutes } from './account-problems';

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

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-kop`}>
      <Heading level={2} id={`${id}-kop`}>
        {title}
      </Heading>
      {children}
    </section>
  );
}

interface FormProps {
  /** The page's current problems; each form shows those about its own fields. */
  errors: FieldError[];
  /** This form's change was just saved. */
  saved: boolean;
  onFailed: (errors: FieldError[]) => void;
  onSaved: () => void;
}

const errorFor = (errors: FieldError[], field: string) =>
  errors.find((error) => error.fieldId === field)?.message;

function Saved({ show, message }: { show: boolean; message: string }) {
  // Read out by the announcer; shown here for everyone else.
  if (!show) return null;
  return (
    <Alert type="ok">
      <Paragraph>{message}</Paragraph>
    </Alert>
  );
}

function NameForm({ errors, saved, onFailed, onSaved }: FormProps) {
  const t = useT();
  const me = useMe();
  const session = useSession();
  const announce = useAnnounce();
  const [name, setName] = useState(me.displayName);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const displayName = name.trim();
    if (!displayName)
      return onFailed([{ fieldId: 'weergavenaam', message: t.account.nameRequired }]);
    if (displayName.length > 200)
      return onFailed([{ fieldId: 'weergavenaam', message: t.account.nameTooLong }]);
    setBusy(true);
    const { data, error } = await api
      .PATCH('/me', { body: { displayName } })
      .catch(() => ({ data: undefined, error: undefined }));
    setBusy(false);
    if (!data) return onFailed(nameProblems(error, t));
    setName(data.displayName);
    await session.reload();
    onSaved();
    announce(t.account.nameSaved);
  }

  return (
    <Section id="naam" title={t.account.nameTitle}>
      <Saved show={saved} message={t.account.nameSaved} />
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id="weergavenaam"
          name="displayName"
          autoComplete="name"
          label={t.account.displayName}
          description={t.account.displayNameDescription}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          errorMessage={errorFor(errors, 'weergavenaam')}
          required
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.account.saveName}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function PasswordForm({ errors, saved, onFailed, onSaved }: FormProps) {
  const t = useT();
  const announce = useAnnounce();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found: FieldError[] = [];
    if (!current) found.push({ fieldId: 'huidig-wachtwoord', message: t.account.currentRequired });
    if (!next) found.push({ fieldId: 'nieuw-wachtwoord', message: t.account.newRequired });
    else if (next.length < 12)
      found.push({ fieldId: 'nieuw-wachtwoord', message: t.account.newTooShort });
    else if (next.length > 128)
      found.push({ fieldId: 'nieuw-wachtwoord', message: t.account.newTooLong });
    if (next && !repeat)
      found.push({ fieldId: 'herhaal-wachtwoord', message: t.account.repeatRequired });
    else if (next && repeat !== next)
      found.push({ fieldId: 'herhaal-wachtwoord', message: t.account.repeatDiffers });
    if (found.length > 0) return onFailed(found);

    setBusy(true);
    const result = await api
      .PUT('/me/password', { body: { currentPassword: current, newPassword: next } })
      .catch(() => null);
    setBusy(false);
    if (result === null) return onFailed([{ message: t.errors.network }]);
    if (result.response.ok) {
      setCurrent('');
      setNext('');
      setRepeat('');
      onSaved();
      announce(t.account.passwordSaved);
      return;
    }
    const { error, response } = result;
    if (response.status === 429)
      return onFailed([{ message: t.account.passwordLocked(retryMinutes(response)) }]);
    if (response.status === 503) return onFailed([{ message: t.account.passwordUnavailable }]);
    onFailed(passwordProblems(error, t));
  }

  return (
    <Section id="wachtwoord" title={t.account.passwordTitle}>
      <Paragraph>{t.account.passwordIntro}</Paragraph>
      <Saved show={saved} message={t.account.passwordSaved} />
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id="huidig-wachtwoord"
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          label={t.account.currentPassword}
          value={current}
          onChange={(event) => setCurrent(event.target.value)}
          errorMessage={errorFor(errors, 'huidig-wachtwoord')}
          required
        />
        <TextField
          id="nieuw-wachtwoord"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={t.account.newPassword}
          description={t.account.newPasswordDescription}
          value={next}
          onChange={(event) => setNext(event.target.value)}
          errorMessage={errorFor(errors, 'nieuw-wachtwoord')}
          required
        />
        <TextField
          id="herhaal-wachtwoord"
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          label={t.account.repeatPassword}
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          errorMessage={errorFor(errors, 'herhaal-wachtwoord')}
          required
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.account.savePassword}
          </Button>
        </div>
      </form>
    </Section>
  );
}

function LanguageForm({ errors, saved, onFailed, onSaved }: FormProps) {
  const t = useT();
  const session = useSession();
  const announce = useAnnounce();
  const [language, setLanguage] = useState<Language>(useLanguage);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    // The language is one of the notification preferences: the others stay as they are.
    const stored = await api.GET('/me/notification-preferences').catch(() => null);
    const preferences = stored?.data;
    const result = preferences
      ? await api
          .PUT('/me/notification-preferences', {
            body: {
              digest: preferences.digest,
              emailKinds: preferences.emailKinds,
              language,
            },
          })
          .catch(() => null)
      : null;
    setBusy(false);
    if (!result?.data) {
      const status = result?.response.status ?? stored?.response.status;
      return onFailed([
        {
          fieldId: 'taal',
          message: status === undefined ? t.errors.network : t.errors.generic,
        },
      ]);
    }
    await session.reload();
    onSaved();
    // Said in the language just chosen, which the app now speaks.
    announce(messagesFor(language).account.languageSaved);
  }

  return (
    <Section id="taalkeuze" title={t.account.languageTitle}>
      <Saved show={saved} message={t.account.languageSaved} />
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <RadioGroupField
          id="taal"
          name="language"
          legend={t.account.language}
          value={language}
          onChange={(value) => setLanguage(value === 'en' ? 'en' : 'nl')}
          errorMessage={errorFor(errors, 'taal')}
          choices={[
            { value: 'nl', label: <span lang="nl">{t.account.languages.nl}</span> },
            { value: 'en', label: <span lang="en">{t.account.languages.en}</span> },
          ]}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.account.saveLanguage}
          </Button>
        </div>
      </form>
    </Section>
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
