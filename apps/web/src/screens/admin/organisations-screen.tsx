import { type FormEvent, useState } from 'react';
import { api, type Problem, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
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
import { type Messages, useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { usePagedList } from '../action/use-paged-list';
import {
  errorFor,
  focusSoon,
  generalProblem,
  NoPermission,
  type Organisation,
  Panel,
  LoadMore,
} from './admin-parts';

type Kind = Schemas['OrganisationKind'];
const KINDS: Kind[] = [
  'ministry',
  'association',
  'municipality',
  'province',
  'water_board',
  'advisory_council',
  'other',
];
/** Mirrors the API's ORGANISATION_CODE_PATTERN (and the database's check). */
const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,15}$/;
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

/** The API's problems with an organisation, at their fields. */
function organisationProblems(
  problem: Problem | undefined,
  status: number | undefined,
  ids: { code: string; name: string; kind: string },
  t: Messages,
): FieldError[] {
  if (status === 409) return [{ fieldId: ids.code, message: t.admin.codeTaken }];
  const params = problem?.invalidParams ?? [];
  if (status !== 400 || params.length === 0)
    return [{ message: generalProblem(problem, status, t) }];
  return params.map((param) =>
    param.name === 'code'
      ? { fieldId: ids.code, message: t.admin.codeInvalid }
      : param.name === 'kind'
        ? { fieldId: ids.kind, message: t.admin.kindRequired }
        : { fieldId: ids.name, message: t.admin.nameRequired },
  );
}

/** Adds an organisation, or (with `organisation`) edits one in a panel of its own. */
function OrganisationForm(props: {
  organisation?: Organisation;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onSaved: () => void;
  onCancel?: () => void;
}) {
  const { organisation } = props;
  const t = useT();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const prefix = organisation ? 'wijzig-organisatie' : 'nieuwe-organisatie';
  const ids = { code: `${prefix}-code`, name: `${prefix}-naam`, kind: `${prefix}-soort` };
  const [code, setCode] = useState(organisation?.code ?? '');
  const [name, setName] = useState(organisation?.name ?? '');
  const [kind, setKind] = useState<Kind | ''>(organisation?.kind ?? '');
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setSaved(null);
    const body = { code: code.trim(), name: name.trim(), kind };
    const found: FieldError[] = [];
    if (!body.code) found.push({ fieldId: ids.code, message: t.admin.codeRequired });
    else if (!CODE_PATTERN.test(body.code))
      found.push({ fieldId: ids.code, message: t.admin.codeInvalid });
    if (!body.name) found.push({ fieldId: ids.name, message: t.admin.nameRequired });
    else if (body.name.length > 200)
      found.push({ fieldId: ids.name, message: t.admin.nameTooLong });
    if (!body.kind) found.push({ fieldId: ids.kind, message: t.admin.kindRequired });
    if (found.length > 0 || !body.kind) return props.onErrors(found);
    const request = { ...body, kind: body.kind };

    setBusy(true);
    const result = await (
      organisation
        ? api.PATCH('/organisations/{id}', {
            params: { path: { id: organisation.id } },
            body: request,
          })
        : api.POST('/organisations', {
            params: { header: { 'Idempotency-Key': idempotency.keyFor(request) } },
            body: request,
          })
    ).catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      props.onErrors([]);
      const message = organisation
        ? t.admin.organisationSaved(result.data.name)
        : t.admin.organisationAdded(result.data.name);
      announce(message);
      if (!organisation) {
        setCode('');
        setName('');
        setKind('');
        setSaved(message);
      }
      props.onSaved();
      return;
    }
    props.onErrors(organisationProblems(result?.error, result?.response.status, ids, t));
  }

  const fields = (
    <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
      <TextField
        id={ids.name}
        label={t.admin.organisationName}
        value={name}
        maxLength={200}
        onChange={(event) => setName(event.target.value)}
        errorMessage={errorFor(props.errors, ids.name)}
        required
      />
      <TextField
        id={ids.code}
        label={t.admin.organisationCode}
        description={t.admin.organisationCodeDescription}
        value={code}
        maxLength={16}
        autoComplete="off"
        onChange={(event) => setCode(event.target.value.toUpperCase())}
        errorMessage={errorFor(props.errors, ids.code)}
        required
      />
      <SelectField
        id={ids.kind}
        label={t.admin.organisationKind}
        value={kind}
        onChange={(event) => setKind(event.target.value as Kind | '')}
        errorMessage={errorFor(props.errors, ids.kind)}
        required
      >
        <option value="">{t.admin.chooseKind}</option>
        {KINDS.map((value) => (
          <option key={value} value={value}>
            {t.admin.kind[value]}
          </option>
        ))}
      </SelectField>
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
          {organisation ? t.admin.saveChanges : t.admin.addOrganisation}
        </Button>
        {props.onCancel && (
          <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
            {t.admin.cancel}
          </Button>
        )}
      </div>
    </form>
  );

  if (organisation)
    return (
      <Panel id="organisatie-wijzigen" title={t.admin.editOrganisationTitle(organisation.name)}>
        {fields}
      </Panel>
    );
  return (
    <section aria-labelledby="organisatie-toevoegen-kop">
      <Heading level={2} id="organisatie-toevoegen-kop">
        {t.admin.addOrganisationTitle}
      </Heading>
      {saved && (
        <Alert type="ok">
          <Paragraph>{saved}</Paragraph>
        </Alert>
      )}
      {fields}
    </section>
  );
}
