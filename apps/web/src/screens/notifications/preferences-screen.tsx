import { type FormEvent, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroupField,
  Heading,
  Link,
  Paragraph,
  RadioGroupField,
} from '../../components/nlds';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { usePageTitle } from '../../components/page-title';
import { messagesFor, useT } from '../../i18n';
import { useSession } from '../../session/session';

type Kind = Schemas['NotificationKind'];
type Preferences = Schemas['NotificationPreferencesDto'];

/** Every kind, in the order a person meets them (libs/notifications NOTIFICATION_KINDS). */
const KINDS = [
  'deadline_upcoming',
  'deadline_today',
  'overdue',
  'stale',
  'update_request',
  'update_reminder',
  'escalation',
  'de_escalation',
  'status_changed',
  'assigned',
  'partner_position',
  'mention',
  'report_ready',
  'webhook_disabled',
] as const satisfies readonly Kind[];
// The compiler says so when the API gains a kind this list lacks.
const everyKind: [Exclude<Kind, (typeof KINDS)[number]>] extends [never] ? true : never = true;
void everyKind;

type Digest = 'daily' | 'each' | 'programme';
const toDigest = (digest: boolean | null): Digest =>
  digest === null ? 'programme' : digest ? 'daily' : 'each';
const fromDigest = (digest: Digest): boolean | null =>
  digest === 'programme' ? null : digest === 'daily';

const EMAIL_ID = 'voorkeur-email';
const DIGEST_ID = 'voorkeur-bundelen';
const LANGUAGE_ID = 'voorkeur-taal';

type LoadState = { status: 'loading' } | { status: 'failed' } | { status: 'loaded' };

/**
 * Meldingsvoorkeuren: which kinds also come by e-mail, one daily digest or each on its own,
 * and the language (of the app too: after saving it the whole app switches).
 */
export default function PreferencesScreen() {
  const t = useT();
  usePageTitle(t.preferences.title);
  const session = useSession();
  const announce = useAnnounce();
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [emailKinds, setEmailKinds] = useState<Kind[]>([]);
  const [digest, setDigest] = useState<Digest>('programme');
  const [language, setLanguage] = useState<Preferences['language']>('nl');
  const [savedLanguage, setSavedLanguage] = useState<Preferences['language']>('nl');
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  useEffect(() => {
    let current = true;
    void api
      .GET('/me/notification-preferences')
      .catch(() => ({ data: undefined }))
      .then(({ data }) => {
        if (!current) return;
        if (!data) {
          setLoad({ status: 'failed' });
          return;
        }
        setEmailKinds(data.emailKinds);
        setDigest(toDigest(data.digest));
        setLanguage(data.language);
        setSavedLanguage(data.language);
        setLoad({ status: 'loaded' });
      });
    return () => {
      current = false;
    };
  }, []);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(false);
    setBusy(true);
    const body: Preferences = {
      emailKinds: KINDS.filter((kind) => emailKinds.includes(kind)),
      digest: fromDigest(digest),
      language,
    };
    const result = await api.PUT('/me/notification-preferences', { body }).catch(() => null);
    if (!result?.data) {
      setBusy(false);
      setErrors(
        result === null
          ? [{ message: t.errors.network }]
          : result.response.status === 400 && result.error?.invalidParams?.length
            ? result.error.invalidParams.map((param) => ({
                fieldId: param.name.startsWith('emailKinds')
                  ? EMAIL_ID
                  : param.name === 'digest'
                    ? DIGEST_ID
                    : param.name === 'language'
                      ? LANGUAGE_ID
                      : undefined,
                message: t.preferences.invalid,
              }))
            : [
                {
                  message:
                    result.response.status === 429 ? t.errors.tooManyRequests : t.errors.generic,
                },
              ],
      );
      return;
    }
    setErrors([]);
    if (result.data.language !== savedLanguage) {
      setSavedLanguage(result.data.language);
      await session.reload();
    }
    setBusy(false);
    setSaved(true);
    // Said in the language just chosen, which the app now speaks.
    announce(messagesFor(result.data.language).preferences.saved);
  }

  const errorFor = (fieldId: string) => errors.find((error) => error.fieldId === fieldId)?.message;

  return (
    <>
      <Heading level={1}>{t.preferences.title}</Heading>
      <Paragraph>
        <Link href="/meldingen">{t.preferences.back}</Link>
      </Paragraph>
      <Paragraph>{t.preferences.intro}</Paragraph>
      {load.status === 'loading' ? (
        <Paragraph>{t.app.loading}</Paragraph>
      ) : load.status === 'failed' ? (
        <Paragraph>{t.preferences.loadFailed}</Paragraph>
      ) : (
        <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
          <ErrorSummary errors={errors} />
          {saved && (
            <Alert type="ok">
              <Paragraph>{t.preferences.saved}</Paragraph>
            </Alert>
          )}
          <CheckboxGroupField
            id={EMAIL_ID}
            legend={t.preferences.emailKinds}
            description={t.preferences.emailKindsDescription}
            errorMessage={errorFor(EMAIL_ID)}
          >
            {KINDS.map((kind) => (
              <CheckboxField
                key={kind}
                id={`${EMAIL_ID}-${kind}`}
                name="emailKinds"
                label={t.notificationKind[kind]}
                checked={emailKinds.includes(kind)}
                onChange={(on) =>
                  setEmailKinds((current) =>
                    on ? [...current, kind] : current.filter((other) => other !== kind),
                  )
                }
              />
            ))}
          </CheckboxGroupField>
          <RadioGroupField
            id={DIGEST_ID}
            name="digest"
            legend={t.preferences.digest}
            errorMessage={errorFor(DIGEST_ID)}
            choices={[
              { value: 'daily', label: t.preferences.digestDaily },
              { value: 'each', label: t.preferences.digestEach },
              { value: 'programme', label: t.preferences.digestProgramme },
            ]}
            value={digest}
            onChange={(value) => setDigest(value as Digest)}
          />
          <RadioGroupField
            id={LANGUAGE_ID}
            name="language"
            legend={t.preferences.language}
            description={t.preferences.languageDescription}
            errorMessage={errorFor(LANGUAGE_ID)}
            choices={[
              // Each language is named in itself (WCAG 3.1.2: its own lang).
              { value: 'nl', label: <span lang="nl">{t.account.languages.nl}</span> },
              { value: 'en', label: <span lang="en">{t.account.languages.en}</span> },
            ]}
            value={language}
            onChange={(value) => setLanguage(value === 'en' ? 'en' : 'nl')}
          />
          <div>
            <Button
              type="submit"
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
            >
              {busy ? t.preferences.busy : t.preferences.save}
            </Button>
          </div>
        </form>
      )}
    </>
  );
}
