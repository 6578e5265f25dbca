import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  CheckboxField,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../../components/nlds';
import { useT } from '../../i18n';
import { checkNewPassword, errorFor, type Organisation, Panel } from './admin-parts';
import { UserLinks } from './user-links';
import { OrganisationOptions, type User, userProblems } from './user-parts';

export function EditUser(props: {
  user: User;
  organisations: Organisation[] | null;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onSaved: () => void;
}) {
  const { user } = props;
  const t = useT();
  const announce = useAnnounce();
  const ids = {
    email: 'gebruiker-email',
    name: 'gebruiker-naam',
    organisation: 'gebruiker-organisatie',
    password: 'gebruiker-wachtwoord',
    repeat: 'gebruiker-herhaal',
    active: 'gebruiker-actief',
  };
  const [name, setName] = useState(user.displayName);
  const [organisationId, setOrganisationId] = useState(user.organisation.id);
  const [active, setActive] = useState(user.isActive);
  const [admin, setAdmin] = useState(user.isPlatformAdmin);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState<'save' | 'password' | null>(null);

  async function save(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) return props.onErrors([{ fieldId: ids.name, message: t.admin.nameRequired }]);
    setBusy('save');
    const result = await api
      .PATCH('/users/{id}', {
        params: { path: { id: user.id } },
        body: {
          displayName: name.trim(),
          organisationId,
          isActive: active,
          isPlatformAdmin: admin,
        },
      })
      .catch(() => null);
    setBusy(null);
    if (result?.data) {
      props.onErrors([]);
      announce(t.admin.userSaved(result.data.displayName));
      return props.onSaved();
    }
    props.onErrors(userProblems(result?.error, result?.response.status, ids, t));
  }

  async function setNewPassword(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const found = checkNewPassword(password, repeat, ids, t, true);
    if (found.length > 0) return props.onErrors(found);
    setBusy('password');
    const result = await api
      .PUT('/users/{id}/password', { params: { path: { id: user.id } }, body: { password } })
      .catch(() => null);
    setBusy(null);
    if (result?.response.status === 204) {
      props.onErrors([]);
      setPassword('');
      setRepeat('');
      announce(t.admin.passwordSet(user.displayName));
      return props.onSaved();
    }
    props.onErrors(userProblems(result?.error, result?.response.status, ids, t));
  }

  return (
    <Panel id="gebruiker-wijzigen" title={t.admin.editUserTitle(user.displayName)}>
      <Paragraph>{user.email}</Paragraph>
      <form noValidate onSubmit={(event) => void save(event)} className="sbt-form">
        <TextField
          id={ids.name}
          label={t.admin.userName}
          value={name}
          maxLength={200}
          onChange={(event) => setName(event.target.value)}
          errorMessage={errorFor(props.errors, ids.name)}
          required
        />
        <SelectField
          id={ids.organisation}
          label={t.admin.userOrganisation}
          value={organisationId}
          onChange={(event) => setOrganisationId(event.target.value)}
          errorMessage={errorFor(props.errors, ids.organisation)}
        >
          {!props.organisations && (
            <option value={user.organisation.id}>
              {user.organisation.name} ({user.organisation.code})
            </option>
          )}
          <OrganisationOptions organisations={props.organisations} />
        </SelectField>
        {errorFor(props.errors, ids.active) && (
          <Alert type="error" id={ids.active} tabIndex={-1}>
            <Paragraph>{errorFor(props.errors, ids.active)}</Paragraph>
          </Alert>
        )}
        <CheckboxField label={t.admin.isActiveLabel} checked={active} onChange={setActive} />
        <Paragraph>{t.admin.deactivateNote}</Paragraph>
        <CheckboxField label={t.admin.isPlatformAdminLabel} checked={admin} onChange={setAdmin} />
        <div className="sbt-row">
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={busy === 'save'}
            aria-disabled={busy === 'save'}
          >
            {t.admin.saveChanges}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
            {t.admin.cancel}
          </Button>
        </div>
      </form>
      <Heading level={3}>{t.admin.setPasswordTitle}</Heading>
      <Paragraph>{t.admin.setPasswordIntro}</Paragraph>
      <form noValidate onSubmit={(event) => void setNewPassword(event)} className="sbt-form">
        <TextField
          id={ids.password}
          type="password"
          autoComplete="new-password"
          label={t.admin.newPassword}
          description={t.admin.passwordRules}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errorMessage={errorFor(props.errors, ids.password)}
          required
        />
        <TextField
          id={ids.repeat}
          type="password"
          autoComplete="new-password"
          label={t.admin.repeatPassword}
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          errorMessage={errorFor(props.errors, ids.repeat)}
          required
        />
        <div>
          <Button
            type="submit"
            appearance="primary-action-button"
            busy={busy === 'password'}
            aria-disabled={busy === 'password'}
          >
            {t.admin.setPassword}
          </Button>
        </div>
      </form>
      <UserLinks user={user} onErrors={props.onErrors} />
    </Panel>
  );
}
