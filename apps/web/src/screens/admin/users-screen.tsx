import { useState } from 'react';
import { api } from '../../api/client';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
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
import { useT } from '../../i18n';
import { usePagedList } from '../action/use-paged-list';
import { focusSoon, NoPermission, useAllOrganisations, when, LoadMore } from './admin-parts';
import { AddUser } from './user-add-form';
import { EditUser } from './user-edit-form';
import { OrganisationOptions, type User } from './user-parts';

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
