import { type FormEvent, useState } from 'react';
import { api, type Problem, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  CheckboxField,
  Heading,
  Paragraph,
  SelectField,
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  TextField,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { usePagedList } from '../action/use-paged-list';
import {
  checkNewPassword,
  errorFor,
  focusSoon,
  generalProblem,
  looksLikeEmail,
  NoPermission,
  type Organisation,
  Panel,
  passwordProblem,
  useAllOrganisations,
  when,
  LoadMore,
} from './admin-parts';
import { UserLinks } from './user-links';

type User = Schemas['UserResponse'];
const LIST_HEADING_ID = 'gebruikers-kop';

/**
 * Gebruikers (platform administrators): the accounts of the platform. Add one (with an
 * initial password or without), change name, organisation, active and administrator, set
 * a password, and remove a link to an account at a provider (user-links.tsx). Membership of a programme is not here: that is the coordinator's (Leden).
 */
export default function UsersScreen() {
  const t = useT();
  const { isPlatformAdmin } = useProgrammeRole();
  if (!isPlatformAdmin)
    return <NoPermission title={t.admin.users} message={t.admin.noPermissionPlatform} />;
  return <Users />;
}

function Users() {
  const t = useT();
  usePageTitle(t.admin.users);
  const organisations = useAllOrganisations(0);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const blank = { q: '', organisationId: '', active: '' };
  const [query, setQuery] = useState(blank);
  const [typed, setTyped] = useState(blank);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<User | null>(null);
  const list = usePagedList<User>(
    `${query.q}|${query.organisationId}|${query.active}|${version}`,
    async (cursor) => {
      const { data } = await api.GET('/users', {
        params: {
          query: {
            limit: 50,
            cursor,
            ...(query.q && { q: query.q }),
            ...(query.organisationId && { organisationId: query.organisationId }),
            ...(query.active && { isActive: query.active === 'true' }),
          },
        },
      });
      return data;
    },
  );
  const reload = () => setVersion((value) => value + 1);

  return (
    <>
      <Heading level={1}>{t.admin.users}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{t.admin.usersIntro}</Paragraph>
      <div className="sbt-stack">
        <form
          role="search"
          aria-label={t.admin.filtersTitle}
          className="sbt-filters"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ ...typed, q: typed.q.trim() });
          }}
        >
          <TextField
            id="gebruikers-zoek"
            type="search"
            label={t.admin.userSearch}
            value={typed.q}
            onChange={(event) => setTyped({ ...typed, q: event.target.value })}
          />
          <SelectField
            id="gebruikers-organisatie"
            label={t.admin.userOrganisation}
            value={typed.organisationId}
            onChange={(event) => setTyped({ ...typed, organisationId: event.target.value })}
          >
            <option value="">{t.admin.any}</option>
            <OrganisationOptions organisations={organisations} />
          </SelectField>
          <SelectField
            id="gebruikers-actief"
            label={t.admin.userFilterActive}
            value={typed.active}
            onChange={(event) => setTyped({ ...typed, active: event.target.value })}
          >
            <option value="">{t.admin.any}</option>
            <option value="true">{t.admin.activeOnly}</option>
            <option value="false">{t.admin.inactiveOnly}</option>
          </SelectField>
          <div>
            <Button type="submit" appearance="secondary-action-button">
              {t.admin.search}
            </Button>
          </div>
        </form>

        {editing && (
          <EditUser
            key={editing.id}
            user={editing}
            organisations={organisations}
            errors={errors}
            onErrors={setErrors}
            onCancel={() => {
              setEditing(null);
              focusSoon(`wijzig-${editing.id}`);
            }}
            onSaved={() => {
              setEditing(null);
              reload();
              focusSoon(LIST_HEADING_ID);
            }}
          />
        )}

        <section aria-labelledby={LIST_HEADING_ID}>
          <Heading level={2} id={LIST_HEADING_ID} tabIndex={-1}>
            {t.admin.usersCaption}
          </Heading>
          {list.status === 'failed' && (
            <Alert type="error">
              <Paragraph>{t.admin.loadFailed}</Paragraph>
            </Alert>
          )}
          {list.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {list.status === 'loaded' && list.items.length === 0 && (
            <Paragraph>{t.admin.noUsers}</Paragraph>
          )}
          {list.items.length > 0 && (
            <Table>
              <TableCaption>{t.admin.usersCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.admin.userName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.userEmail}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.userOrganisation}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.userActive}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.userPlatformAdmin}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.userLastLogin}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((user) => (
                  <TableRow key={user.id}>
                    <TableHeaderCell scope="row">{user.displayName}</TableHeaderCell>
                    <TableCell>{user.email}</TableCell>
                    <TableCell>
                      {user.organisation.name} ({user.organisation.code})
                    </TableCell>
                    <TableCell>{user.isActive ? t.admin.yes : t.admin.no}</TableCell>
                    <TableCell>{user.isPlatformAdmin ? t.admin.yes : t.admin.no}</TableCell>
                    <TableCell>{when(user.lastLoginAt, t.admin.never, t)}</TableCell>
                    <TableCell>
                      <Button
                        id={`wijzig-${user.id}`}
                        appearance="secondary-action-button"
                        aria-label={t.admin.editUser(user.displayName)}
                        onClick={() => {
                          setErrors([]);
                          setEditing(user);
                        }}
                      >
                        {t.admin.edit}
                      </Button>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
          <LoadMore list={list} />
        </section>

        <AddUser
          organisations={organisations}
          errors={errors}
          onErrors={setErrors}
          onAdded={reload}
        />
      </div>
    </>
  );
}

function OrganisationOptions({ organisations }: { organisations: Organisation[] | null }) {
  return (
    <>
      {(organisations ?? []).map((organisation) => (
        <option key={organisation.id} value={organisation.id}>
          {organisation.name} ({organisation.code})
        </option>
      ))}
    </>
  );
}

/** The API's problems with a user, at their fields. */
function userProblems(
  problem: Problem | undefined,
  status: number | undefined,
  ids: Record<'email' | 'name' | 'organisation' | 'password' | 'active', string>,
  t: Messages,
): FieldError[] {
  if (status === 409 && problem?.code === 'EMAIL_TAKEN')
    return [{ fieldId: ids.email, message: t.admin.emailTaken }];
  if (status === 409 && problem?.code === 'SELF_LOCKOUT')
    return [{ fieldId: ids.active, message: t.admin.selfLockout }];
  const params = problem?.invalidParams ?? [];
  if (status !== 400 || params.length === 0)
    return [{ message: generalProblem(problem, status, t) }];
  return params.map((param): FieldError => {
    switch (param.name) {
      case 'email':
        return { fieldId: ids.email, message: t.admin.emailInvalid };
      case 'organisationId':
        return { fieldId: ids.organisation, message: t.admin.organisationRequired };
      case 'password':
        return { fieldId: ids.password, message: passwordProblem(param.reason, t) };
      case 'displayName':
        return { fieldId: ids.name, message: t.admin.nameRequired };
      default:
        return { message: generalProblem(problem, status, t) };
    }
  });
}

function AddUser(props: {
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

function EditUser(props: {
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
