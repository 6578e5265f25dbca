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
import { focusSoon, NoPermission, type Organisation, LoadMore } from './admin-parts';
import { OrganisationForm } from './organisation-form';
import { type Kind, KINDS } from './organisation-values';

const LIST_HEADING_ID = 'organisaties-kop';

/** Organisaties (platform administrators): list, search, add and edit. */
export default function OrganisationsScreen() {
  const t = useT();
  const { isPlatformAdmin } = useProgrammeRole();
  if (!isPlatformAdmin)
    return <NoPermission title={t.admin.organisations} message={t.admin.noPermissionPlatform} />;
  return <Organisations />;
}

function Organisations() {
  const t = useT();
  usePageTitle(t.admin.organisations);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [query, setQuery] = useState({ q: '', kind: '' });
  const [typed, setTyped] = useState({ q: '', kind: '' });
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<Organisation | null>(null);
  const list = usePagedList<Organisation>(`${query.q}|${query.kind}|${version}`, async (cursor) => {
    const { data } = await api.GET('/organisations', {
      params: {
        query: {
          limit: 50,
          cursor,
          ...(query.q && { q: query.q }),
          ...(query.kind && { kind: query.kind as Kind }),
        },
      },
    });
    return data;
  });
  const reload = () => setVersion((value) => value + 1);

  return (
    <>
      <Heading level={1}>{t.admin.organisations}</Heading>
      <ErrorSummary errors={errors} />
      <Paragraph>{t.admin.organisationsIntro}</Paragraph>
      <div className="sbt-stack">
        <form
          role="search"
          aria-label={t.admin.filtersTitle}
          className="sbt-filters"
          onSubmit={(event) => {
            event.preventDefault();
            setQuery({ q: typed.q.trim(), kind: typed.kind });
          }}
        >
          <TextField
            id="organisaties-zoek"
            type="search"
            label={t.admin.organisationSearch}
            value={typed.q}
            onChange={(event) => setTyped({ ...typed, q: event.target.value })}
          />
          <SelectField
            id="organisaties-soort"
            label={t.admin.organisationKind}
            value={typed.kind}
            onChange={(event) => setTyped({ ...typed, kind: event.target.value })}
          >
            <option value="">{t.admin.any}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.admin.kind[kind]}
              </option>
            ))}
          </SelectField>
          <div>
            <Button type="submit" appearance="secondary-action-button">
              {t.admin.search}
            </Button>
          </div>
        </form>

        {editing && (
          <OrganisationForm
            key={editing.id}
            organisation={editing}
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
            {t.admin.organisationsCaption}
          </Heading>
          {list.status === 'failed' && (
            <Alert type="error">
              <Paragraph>{t.admin.loadFailed}</Paragraph>
            </Alert>
          )}
          {list.status === 'loading' && <Paragraph>{t.app.loading}</Paragraph>}
          {list.status === 'loaded' && list.items.length === 0 && (
            <Paragraph>{t.admin.noOrganisations}</Paragraph>
          )}
          {list.items.length > 0 && (
            <Table>
              <TableCaption>{t.admin.organisationsCaption}</TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHeaderCell scope="col">{t.admin.organisationName}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.organisationCode}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.organisationKind}</TableHeaderCell>
                  <TableHeaderCell scope="col">{t.admin.actions}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {list.items.map((organisation) => (
                  <TableRow key={organisation.id}>
                    <TableHeaderCell scope="row">{organisation.name}</TableHeaderCell>
                    <TableCell>{organisation.code}</TableCell>
                    <TableCell>{t.admin.kind[organisation.kind]}</TableCell>
                    <TableCell>
                      <Button
                        id={`wijzig-${organisation.id}`}
                        appearance="secondary-action-button"
                        aria-label={t.admin.editOrganisation(organisation.name)}
                        onClick={() => {
                          setErrors([]);
                          setEditing(organisation);
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

        <OrganisationForm errors={errors} onErrors={setErrors} onSaved={reload} />
      </div>
    </>
  );
}
