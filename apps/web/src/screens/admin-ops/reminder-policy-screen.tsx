import { type FormEvent, useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroupField,
  Heading,
  Paragraph,
  SelectField,
  TextField,
} from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useT } from '../../i18n';
import { type Member, useMembers } from '../action/use-members';
import { type Names, useNames } from '../action/use-names';
import {
  bodyOf,
  fieldIds,
  LEVELS,
  type Policy,
  type PolicyValues,
  problemsAtFields,
  valuesOf,
} from './policy-form';
import { NextReminders, PREVIEW_LIMIT as NEXT } from './next-reminders';
import { ProgrammeChoice, useAdminProgramme } from './programme-choice';
import { RemindersTable } from './reminders-table';

type PreviewResult = Schemas['ReminderPreviewResponse'];

/** Herinneringsbeleid: the programme's reminder policy, and the reminders it plans next. */
export default function ReminderPolicyScreen() {
  const t = useT();
  usePageTitle(t.adminOps.reminderPolicy);
  const { programmeId, mayManage } = useAdminProgramme();
  return (
    <>
      <Heading level={1}>{t.adminOps.reminderPolicy}</Heading>
      <Paragraph>{t.adminOps.policyIntro}</Paragraph>
      <ProgrammeChoice />
      {programmeId === null ? null : mayManage ? (
        <PolicyArea key={programmeId} programmeId={programmeId} />
      ) : (
        <Alert type="info">
          <Paragraph>{t.adminOps.coordinatorsOnly}</Paragraph>
        </Alert>
      )}
    </>
  );
}

function PolicyArea({ programmeId }: { programmeId: string }) {
  const t = useT();
  const names = useNames(programmeId);
  const members = useMembers(programmeId);
  const [loaded, setLoaded] = useState<
    { status: 'loading' | 'failed' } | { status: 'loaded'; policy: Policy; etag: string }
  >({ status: 'loading' });
  const [savedAt, setSavedAt] = useState(0);
  useEffect(() => {
    let current = true;
    void api
      .GET('/programmes/{id}/reminder-policy', { params: { path: { id: programmeId } } })
      .then(({ data, response }) => {
        if (!current) return;
        if (data)
          setLoaded({
            status: 'loaded',
            policy: data,
            etag: response.headers.get('ETag') ?? `"${data.version}"`,
          });
        else setLoaded({ status: 'failed' });
      })
      .catch(() => current && setLoaded({ status: 'failed' }));
    return () => {
      current = false;
    };
  }, [programmeId]);
  if (loaded.status !== 'loaded')
    return <Paragraph>{loaded.status === 'failed' ? t.errors.generic : t.app.loading}</Paragraph>;
  return (
    <>
      <PolicyForm
        programmeId={programmeId}
        policy={loaded.policy}
        etag={loaded.etag}
        members={members.status === 'loaded' ? members.members : []}
        names={names}
        onSaved={() => setSavedAt(Date.now())}
      />
      <NextReminders programmeId={programmeId} names={names} savedAt={savedAt} />
    </>
  );
}

function PolicyForm(props: {
  programmeId: string;
  policy: Policy;
  etag: string;
  members: Member[];
  names: Names;
  onSaved: () => void;
}) {
  const t = useT();
  const o = t.adminOps;
  const announce = useAnnounce();
  const [etag, setEtag] = useState(props.etag);
  const [updatedAt, setUpdatedAt] = useState(props.policy.updatedAt);
  const [values, setValues] = useState<PolicyValues>(() => valuesOf(props.policy));
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<
    { status: 'idle' | 'busy' } | { status: 'shown'; result: PreviewResult; of: string }
  >({ status: 'idle' });
  const previewRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (preview.status === 'shown') previewRef.current?.focus();
  }, [preview]);
  const conflictRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const errorFor = (field: string) => errors.find((error) => error.fieldId === field)?.message;
  const set = <K extends keyof PolicyValues>(field: K, value: PolicyValues[K]) =>
    setValues((current) => ({ ...current, [field]: value }));
  const setRung = (
    level: (typeof LEVELS)[number],
    change: Partial<PolicyValues['escalation'][(typeof LEVELS)[number]]>,
  ) =>
    setValues((current) => ({
      ...current,
      escalation: { ...current.escalation, [level]: { ...current.escalation[level], ...change } },
    }));

  async function save() {
    if (busy) return;
    const checked = bodyOf(t, values);
    if (!checked.body) {
      setErrors(checked.errors);
      return;
    }
    const body = checked.body;
    setBusy(true);
    const { data, error, response } = await api
      .PUT('/programmes/{id}/reminder-policy', {
        params: { path: { id: props.programmeId }, header: { 'If-Match': etag } },
        body,
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      setErrors([]);
      setConflict(false);
      setEtag(response.headers.get('ETag') ?? `"${data.version}"`);
      setValues(valuesOf(data));
      setUpdatedAt(data.updatedAt);
      announce(o.policySaved);
      props.onSaved();
      return;
    }
    if (!response) setErrors([{ message: t.errors.network }]);
    else if (response.status === 412) {
      // Someone else saved meanwhile: keep what this person chose, and let them save again
      // over the newer version knowingly.
      const fresh = await api
        .GET('/programmes/{id}/reminder-policy', { params: { path: { id: props.programmeId } } })
        .catch(() => ({ data: undefined, response: undefined }));
      if (fresh.data && fresh.response)
        setEtag(fresh.response.headers.get('ETag') ?? `"${fresh.data.version}"`);
      setErrors([]);
      setConflict(true);
    } else if (response.status === 400) setErrors(problemsAtFields(t, body, error));
    else if (response.status === 403 || response.status === 404)
      setErrors([{ message: o.coordinatorsOnly }]);
    else setErrors([{ message: t.errors.generic }]);
  }

  /** What these values, unsaved, would plan (POST …/reminder-policy/preview). */
  async function showPreview() {
    if (preview.status === 'busy') return;
    const checked = bodyOf(t, values);
    if (!checked.body) {
      setErrors(checked.errors);
      return;
    }
    const body = checked.body;
    setPreview({ status: 'busy' });
    const { data, error, response } = await api
      .POST('/programmes/{id}/reminder-policy/preview', {
        params: { path: { id: props.programmeId }, query: { limit: NEXT } },
        body,
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    if (data) {
      setErrors([]);
      setPreview({ status: 'shown', result: data, of: JSON.stringify(body) });
      return;
    }
    setPreview({ status: 'idle' });
    if (!response) setErrors([{ message: t.errors.network }]);
    else if (response.status === 400) setErrors(problemsAtFields(t, body, error));
    else if (response.status === 429) setErrors([{ message: t.errors.tooManyRequests }]);
    else setErrors([{ message: t.errors.generic }]);
  }

  const current = bodyOf(t, values).body;
  const previewStale =
    preview.status === 'shown' && (current === null || JSON.stringify(current) !== preview.of);

  function submit(event: FormEvent) {
    event.preventDefault();
    void save();
  }

  return (
    <section aria-labelledby="beleid">
      <Heading level={2} id="beleid">
        {o.policyForm}
      </Heading>
      {conflict && (
        <div ref={conflictRef} tabIndex={-1} role="alert">
          <Alert type="warning">
            <Paragraph>{o.policyConflict}</Paragraph>
          </Alert>
        </div>
      )}
      <ErrorSummary errors={errors} />
      {updatedAt === null ? (
        <Paragraph>{o.policyDefaults}</Paragraph>
      ) : (
        <Paragraph>{o.policyUpdatedAt(t.format.dateTime(updatedAt))}</Paragraph>
      )}
      <form noValidate onSubmit={submit} className="sbt-form">
        <Heading level={3}>{o.beforeDeadline}</Heading>
        <TextField
          id="daysBefore"
          label={o.daysBefore}
          description={o.daysBeforeHint}
          errorMessage={errorFor('daysBefore')}
          value={values.daysBefore}
          onChange={(event) => set('daysBefore', event.target.value)}
          autoComplete="off"
        />
        <CheckboxField
          label={o.onDeadlineDay}
          checked={values.onDeadlineDay}
          onChange={(checked) => set('onDeadlineDay', checked)}
        />
        <TextField
          id="overdueRepeatDays"
          label={o.overdueRepeatDays}
          description={o.overdueRepeatDaysHint}
          errorMessage={errorFor('overdueRepeatDays')}
          inputMode="numeric"
          size={3}
          value={values.overdueRepeatDays}
          onChange={(event) => set('overdueRepeatDays', event.target.value)}
        />
        <TextField
          id="staleAfterDays"
          label={o.staleAfterDays}
          description={o.staleAfterDaysHint}
          errorMessage={errorFor('staleAfterDays')}
          inputMode="numeric"
          size={3}
          value={values.staleAfterDays}
          onChange={(event) => set('staleAfterDays', event.target.value)}
        />
        <TextField
          id="updateRoundReminderDaysBefore"
          label={o.roundDays}
          description={o.roundDaysHint}
          errorMessage={errorFor('updateRoundReminderDaysBefore')}
          inputMode="numeric"
          size={3}
          value={values.updateRoundReminderDaysBefore}
          onChange={(event) => set('updateRoundReminderDaysBefore', event.target.value)}
        />

        <Heading level={3}>{o.escalation}</Heading>
        <Paragraph>{o.escalationIntro}</Paragraph>
        {LEVELS.map((level) => {
          const rung = values.escalation[level];
          const name = t.escalationLevel[level];
          return (
            <div key={level} className="sbt-stack">
              <CheckboxField
                label={o.levelUsed(name)}
                checked={rung.used}
                onChange={(checked) => setRung(level, { used: checked })}
              />
              {rung.used && (
                <>
                  <TextField
                    id={fieldIds.afterDays(level)}
                    label={o.afterDays(name)}
                    description={o.afterDaysHint}
                    errorMessage={errorFor(fieldIds.afterDays(level))}
                    inputMode="numeric"
                    size={3}
                    value={rung.afterDays}
                    onChange={(event) => setRung(level, { afterDays: event.target.value })}
                  />
                  <CheckboxGroupField
                    id={fieldIds.contacts(level)}
                    legend={o.contacts(name)}
                    description={o.contactsHint}
                    errorMessage={errorFor(fieldIds.contacts(level))}
                  >
                    {[
                      ...props.members.map((member) => ({
                        userId: member.userId,
                        label: `${member.displayName} (${t.role[member.role]})`,
                      })),
                      // A contact who is no longer an active member: shown, so it can be removed.
                      ...rung.contactUserIds
                        .filter((id) => !props.members.some((member) => member.userId === id))
                        .map((userId) => ({
                          userId,
                          label: o.formerMember(props.names.person(userId) ?? userId),
                        })),
                    ].map((member) => (
                      <CheckboxField
                        key={member.userId}
                        label={member.label}
                        checked={rung.contactUserIds.includes(member.userId)}
                        onChange={(checked) =>
                          setRung(level, {
                            contactUserIds: checked
                              ? [...rung.contactUserIds, member.userId]
                              : rung.contactUserIds.filter((id) => id !== member.userId),
                          })
                        }
                      />
                    ))}
                  </CheckboxGroupField>
                </>
              )}
            </div>
          );
        })}

        <Heading level={3}>{o.whenSent}</Heading>
        <CheckboxField
          label={o.skipWeekends}
          checked={values.skipWeekends}
          onChange={(checked) => set('skipWeekends', checked)}
        />
        <CheckboxField
          label={o.skipHolidays}
          checked={values.skipHolidays}
          onChange={(checked) => set('skipHolidays', checked)}
        />
        <SelectField
          id="sendHour"
          label={o.sendHour}
          description={o.sendHourHint}
          errorMessage={errorFor('sendHour')}
          value={values.sendHour}
          onChange={(event) => set('sendHour', event.target.value)}
        >
          {Array.from({ length: 24 }, (_, hour) => (
            <option key={hour} value={String(hour)}>
              {`${String(hour).padStart(2, '0')}:00`}
            </option>
          ))}
        </SelectField>
        <CheckboxField
          label={o.digest}
          checked={values.digest}
          onChange={(checked) => set('digest', checked)}
        />
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {busy ? o.saving : o.savePolicy}
          </Button>
          <Button
            type="button"
            appearance="secondary-action-button"
            busy={preview.status === 'busy'}
            aria-disabled={preview.status === 'busy'}
            onClick={() => void showPreview()}
          >
            {preview.status === 'busy' ? o.previewing : o.showPreview}
          </Button>
        </div>
      </form>
      {preview.status === 'shown' && (
        <section aria-labelledby="voorbeeld">
          <Heading level={3} id="voorbeeld" ref={previewRef} tabIndex={-1}>
            {o.previewTitle}
          </Heading>
          <Paragraph>
            {o.previewSummary(preview.result.total, preview.result.actionsPlanned)}
            {previewStale && ` ${o.previewStale}`}
          </Paragraph>
          {preview.result.data.length === 0 ? (
            <Paragraph>{o.previewNothing}</Paragraph>
          ) : (
            <RemindersTable
              reminders={preview.result.data}
              caption={o.previewCaption}
              names={props.names}
            />
          )}
        </section>
      )}
    </section>
  );
}
