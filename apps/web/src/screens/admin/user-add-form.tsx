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
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { checkNewPassword, errorFor, looksLikeEmail, type Organisation } from './admin-parts';
import { OrganisationOptions, userProblems } from './user-parts';

export function AddUser(props: {
  organisations: Organisation[] | null;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onAdded: () => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const ids = {
    email: 'nieuwe-gebruiker-email',
    name: 'nieuwe-gebruiker-naam',
    organisation: 'nieuwe-gebruiker-organisatie',
    password: 'nieuwe-gebruiker-wachtwoord',
    repeat: 'nieuwe-gebruiker-herhaal',
    active: 'nieuwe-gebruiker-beheerder',
  };
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [organisationId, setOrganisationId] = useState('');
  const [admin, setAdmin] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [busy, setBusy] = useState(false);
  const [added, setAdded] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setAdded(null);
    const found: FieldError[] = [];
    const address = email.trim();
    if (!address) found.push({ fieldId: ids.email, message: t.admin.emailRequired });
    else if (!looksLikeEmail(address))
      found.push({ fieldId: ids.email, message: t.admin.emailInvalid });
    if (!name.trim()) found.push({ fieldId: ids.name, message: t.admin.nameRequired });
    if (!organisationId)
      found.push({ fieldId: ids.organisation, message: t.admin.organisationRequired });
    found.push(...checkNewPassword(password, repeat, ids, t, false));
    if (found.length > 0) return props.onErrors(found);

    const request = {
      email: address,
      displayName: name.trim(),
      organisationId,
      isPlatformAdmin: admin,
      ...(password && { password }),
    };
    setBusy(true);
    const result = await api
      .POST('/users', {
        params: { header: { 'Idempotency-Key': idempotency.keyFor(request) } },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      props.onErrors([]);
      const message = t.admin.userAdded(result.data.displayName);
      setEmail('');
      setName('');
      setOrganisationId('');
      setAdmin(false);
      setPassword('');
      setRepeat('');
      setAdded(message);
      announce(message);
      props.onAdded();
      return;
    }
    props.onErrors(userProblems(result?.error, result?.response.status, ids, t));
  }

  return (
    <section aria-labelledby="gebruiker-toevoegen-kop">
      <Heading level={2} id="gebruiker-toevoegen-kop">
        {t.admin.addUserTitle}
      </Heading>
      {added && (
        <Alert type="ok">
          <Paragraph>{added}</Paragraph>
        </Alert>
      )}
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <TextField
          id={ids.email}
          type="email"
          autoComplete="off"
          label={t.admin.userEmail}
          value={email}
          maxLength={254}
          onChange={(event) => setEmail(event.target.value)}
          errorMessage={errorFor(props.errors, ids.email)}
          required
        />
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
          required
        >
          <option value="">{t.admin.chooseOrganisation}</option>
          <OrganisationOptions organisations={props.organisations} />
        </SelectField>
        <CheckboxField
          id={ids.active}
          label={t.admin.isPlatformAdminLabel}
          checked={admin}
          onChange={setAdmin}
        />
        <TextField
          id={ids.password}
          type="password"
          autoComplete="new-password"
          label={t.admin.initialPassword}
          description={t.admin.passwordRules}
          value={password}
          onChange={(event) => setPassword(event.target.value)}
          errorMessage={errorFor(props.errors, ids.password)}
        />
        <TextField
          id={ids.repeat}
          type="password"
          autoComplete="new-password"
          label={t.admin.repeatPassword}
          value={repeat}
          onChange={(event) => setRepeat(event.target.value)}
          errorMessage={errorFor(props.errors, ids.repeat)}
        />
        <div>
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.admin.addUser}
          </Button>
        </div>
      </form>
    </section>
  );
}
