import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { Button, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { useMe, useSession } from '../../session/session';
import { errorFor, type FormProps, Saved, Section } from './account-parts';
import { nameProblems } from './account-problems';

/** The name others see (PATCH /me); the session is read again to show it everywhere. */
export function NameForm({ errors, saved, onFailed, onSaved }: FormProps) {
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
