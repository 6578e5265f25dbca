import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Button, RadioGroupField } from '../../components/nlds';
import { type Language, messagesFor, useLanguage, useT } from '../../i18n';
import { useSession } from '../../session/session';
import { errorFor, type FormProps, Saved, Section } from './account-parts';

/** The language of the app and of its e-mails, kept with the notification preferences. */
export function LanguageForm({ errors, saved, onFailed, onSaved }: FormProps) {
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
