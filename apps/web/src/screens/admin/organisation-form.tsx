import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Alert, Button, Heading, Paragraph, SelectField, TextField } from '../../components/nlds';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { errorFor, type Organisation, Panel } from './admin-parts';
import { CODE_PATTERN, type Kind, KINDS, organisationProblems } from './organisation-values';

/** Adds an organisation, or (with `organisation`) edits one in a panel of its own. */
export function OrganisationForm(props: {
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
