import { type FormEvent, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { api, type Problem, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ConflictAlert } from '../../components/conflict-alert';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  Heading,
  Link,
  Paragraph,
  RadioGroupField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { NotFoundScreen } from '../not-found/not-found-screen';
import { check, problemInWords } from './commitment-form-checks';
import {
  bodyOf,
  emptyValues,
  GROUPS,
  type Group,
  groupValue,
  type Values,
  valuesOf,
} from './commitment-form-values';
import { PartyRows, SourceRows } from './commitment-form-fields';
import { KindFields } from './kind-fields';
import { LineageRows } from './lineage-rows';
import {
  type Commitment,
  fetchCommitment,
  KINDS,
  mayManageCommitments,
  useCommitment,
} from './use-commitment';

/** Toezegging vastleggen (`/toezeggingen/nieuw`) and wijzigen (`/toezeggingen/:id/bewerken`). */
export default function CommitmentFormScreen() {
  const t = useT();
  const { id } = useParams();
  const title = id ? t.commitments.editTitle : t.commitments.createTitle;
  usePageTitle(title);
  const { programmeId, role } = useProgrammeRole();
  if (!mayManageCommitments(role) || !programmeId) {
    return (
      <>
        <Heading level={1}>{title}</Heading>
        <Alert type="info">
          <Paragraph>
            {programmeId ? t.commitments.notAllowed : t.commitments.noProgramme}
          </Paragraph>
        </Alert>
        <Paragraph>
          <Link href="/toezeggingen">{t.commitments.backToList}</Link>
        </Paragraph>
      </>
    );
  }
  return id ? (
    <EditScreen id={id} />
  ) : (
    <>
      <Heading level={1}>{title}</Heading>
      <CommitmentForm programmeId={programmeId} />
    </>
  );
}

function EditScreen({ id }: { id: string }) {
  const t = useT();
  const state = useCommitment(id);
  if (state.status === 'notFound') return <NotFoundScreen />;
  return (
    <>
      <Heading level={1}>{t.commitments.editTitle}</Heading>
      {state.status === 'loaded' ? (
        <>
          <Paragraph purpose="lead">{state.commitment.title}</Paragraph>
          <CommitmentForm
            key={state.commitment.id}
            programmeId={state.commitment.programmeId}
            loaded={{ commitment: state.commitment, etag: state.etag }}
          />
        </>
      ) : (
        <Paragraph>{state.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>
      )}
    </>
  );
}

function CommitmentForm(props: {
  programmeId: string;
  /** The commitment to change, with the version it was read at; absent: a new one. */
  loaded?: { commitment: Commitment; etag: string };
}) {
  const t = useT();
  const c = t.commitments;
  const announce = useAnnounce();
  const navigate = useNavigate();
  const idempotency = useIdempotencyKey();
  // The version the form works from: the one loaded, or the newer one after a conflict.
  const [base, setBase] = useState(props.loaded?.commitment);
  const [etag, setEtag] = useState(props.loaded?.etag);
  const [values, setValues] = useState<Values>(() =>
    props.loaded ? valuesOf(props.loaded.commitment) : emptyValues(),
  );
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState<string[] | null>(null);
  const [busy, setBusy] = useState(false);
  const errorFor = (field: string) => errors.find((error) => error.fieldId === field)?.message;
  const set = (change: Partial<Values>) => setValues((current) => ({ ...current, ...change }));

  async function send() {
    if (busy) return;
    const found = check(t, values);
    if (found.length > 0) {
      setErrors(found);
      return;
    }
    const kind = values.kind || base!.kind;
    setBusy(true);
    let result: { id?: string; status?: number; problem?: Problem };
    if (base) {
      const before = valuesOf(base);
      const changed = GROUPS.filter(
        (group) => groupValue(values, group) !== groupValue(before, group),
      );
      if (changed.length === 0) {
        announce(c.saved);
        void navigate(`/toezeggingen/${base.id}`);
        return;
      }
      const { data, error, response } = await api
        .PATCH('/commitments/{id}', {
          params: { path: { id: base.id }, header: { 'If-Match': etag! } },
          body: bodyOf(values, kind, changed),
        })
        .catch(() => ({ data: undefined, error: undefined, response: undefined }));
      result = { id: data?.id, status: response?.status, problem: error };
    } else {
      const body: Schemas['CreateCommitmentDto'] = {
        programmeId: props.programmeId,
        kind,
        title: values.title.trim(),
        description: values.description,
        ...bodyOf(values, kind),
      };
      const { data, error, response } = await api
        .POST('/commitments', {
          params: { header: { 'Idempotency-Key': idempotency.keyFor(body) } },
          body,
        })
        .catch(() => ({ data: undefined, error: undefined, response: undefined }));
      if (data) idempotency.done();
      result = { id: data?.id, status: response?.status, problem: error };
    }
    if (result.id) {
      announce(c.saved);
      void navigate(`/toezeggingen/${result.id}`);
      return;
    }
    setBusy(false);
    if (result.status === undefined) setErrors([{ message: t.errors.network }]);
    else if (result.status === 412) await startFromNewerVersion();
    else setErrors(problemInWords(t, result.status, result.problem));
  }

  /**
   * 412: someone changed the commitment since the form loaded it. Say what changed, keep
   * what the person changed, and let the groups they left alone follow the newer version.
   */
  async function startFromNewerVersion() {
    if (!base) return;
    const fresh = await fetchCommitment(base.id);
    if (fresh.status !== 'loaded') {
      setErrors([{ message: fresh.status === 'notFound' ? c.errors.gone : t.errors.generic }]);
      return;
    }
    const before = valuesOf(base);
    const now = valuesOf(fresh.commitment);
    const differs = (group: Group, a: Values, b: Values) =>
      groupValue(a, group) !== groupValue(b, group);
    setValues((current) => {
      const next = { ...current };
      for (const group of GROUPS)
        if (!differs(group, current, before)) Object.assign(next, { [group]: now[group] });
      // Attribute values of the form are flat: a group taken over brings all of them.
      return next;
    });
    setErrors([]);
    setConflict(
      GROUPS.filter((group) => differs(group, before, now)).map((group) =>
        c.changed(c.group[group]),
      ),
    );
    setBase(fresh.commitment);
    setEtag(fresh.etag);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    void send();
  }

  return (
    <>
      {conflict && (
        <ConflictAlert lines={conflict} words={c} busy={busy} onResend={() => void send()} />
      )}
      <ErrorSummary errors={errors} />
      {!base && <Paragraph>{c.formIntro}</Paragraph>}
      <form noValidate onSubmit={submit} className="sbt-form">
        {base ? (
          <Paragraph>{c.kindFixed(t.commitmentKind[base.kind])}</Paragraph>
        ) : (
          <RadioGroupField
            id="soort"
            name="soort"
            legend={c.required(c.kindLegend)}
            errorMessage={errorFor('soort')}
            value={values.kind}
            onChange={(kind) => set({ kind: kind as Values['kind'] })}
            choices={KINDS.map((kind) => ({ value: kind, label: t.commitmentKind[kind] }))}
          />
        )}
        <TextField
          id="titel"
          label={c.required(c.titleLabel)}
          errorMessage={errorFor('titel')}
          value={values.title}
          onChange={(event) => set({ title: event.target.value })}
          maxLength={300}
          required
        />
        <TextareaField
          id="omschrijving"
          label={c.descriptionLabel}
          errorMessage={errorFor('omschrijving')}
          value={values.description}
          onChange={(event) => set({ description: event.target.value })}
          rows={5}
        />
        <TextField
          id="datum"
          type="date"
          label={c.dateAgreedLabel}
          description={c.dateAgreedDescription}
          errorMessage={errorFor('datum')}
          value={values.dateAgreed}
          onChange={(event) => set({ dateAgreed: event.target.value })}
        />
        <KindFields values={values} set={set} errorFor={errorFor} />
        <PartyRows values={values} set={set} errorFor={errorFor} />
        <SourceRows values={values} set={set} errorFor={errorFor} />
        <LineageRows
          values={values}
          set={set}
          errorFor={errorFor}
          programmeId={props.programmeId}
          self={base}
        />
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {busy ? c.busy : c.submit}
          </Button>
          <Link href={base ? `/toezeggingen/${base.id}` : '/toezeggingen'}>{c.cancel}</Link>
        </div>
      </form>
    </>
  );
}
