import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Button, Paragraph, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { errorFor, type FormProps, Saved, Section } from './account-parts';
import { passwordProblems, retryMinutes } from './account-problems';

/** A new password in exchange for the current one (PUT /me/password). */
export function PasswordForm({ errors, saved, onFailed, onSaved }: FormProps) {
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
