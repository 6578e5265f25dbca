import { type FormEvent, useState } from 'react';
import { useNavigate } from 'react-router';
import { api, type Problem, type Schemas } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Heading, Link, Paragraph, TextareaField, TextField } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import { useIdempotencyKey } from '../action/use-idempotency-key';
import { ActionPicker } from './action-picker';
import { amsterdamDay, isDay } from '../../components/amsterdam-day';

const TITLE_ID = 'ronde-titel';
const DUE_ID = 'ronde-datum';
const MESSAGE_ID = 'ronde-bericht';
const ACTIONS_ID = 'ronde-acties';
/** CreateUpdateRoundDto and RoundFilterDto's bounds. */
const TITLE_MAX = 200;
const MESSAGE_MAX = 2000;
const ACTIONS_MAX = 1000;

/**
 * Nieuwe uitvraagronde: a coordinator asks the owners of chosen actions for a progress update
 * by a date, with a message. One form (title, date, message, actions), GOV.UK's error
 * summary on top; the request carries an Idempotency-Key, so a second press creates nothing.
 */
export default function NewUpdateRoundScreen() {
  const t = useT();
  usePageTitle(t.updateRounds.newTitle);
  const { programmeId, role, isPlatformAdmin } = useProgrammeRole();
  const may = role === 'coordinator' || isPlatformAdmin;
  return (
    <>
      <Heading level={1}>{t.updateRounds.newTitle}</Heading>
      {!programmeId ? (
        <Paragraph>{t.updateRounds.noProgramme}</Paragraph>
      ) : !may ? (
        <>
          <Paragraph>{t.updateRounds.coordinatorsOnly}</Paragraph>
          <Paragraph>
            <Link href="/uitvraagrondes">{t.updateRounds.backToList}</Link>
          </Paragraph>
        </>
      ) : (
        <RoundForm programmeId={programmeId} />
      )}
    </>
  );
}

function RoundForm({ programmeId }: { programmeId: string }) {
  const t = useT();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const [title, setTitle] = useState('');
  const [dueDate, setDueDate] = useState('');
  const [message, setMessage] = useState('');
  const [chosen, setChosen] = useState<Map<string, string>>(new Map());
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: FieldError[] = [];
    if (!title.trim()) problems.push({ fieldId: TITLE_ID, message: t.updateRounds.titleRequired });
    else if (title.trim().length > TITLE_MAX)
      problems.push({ fieldId: TITLE_ID, message: t.updateRounds.titleTooLong });
    if (!dueDate) problems.push({ fieldId: DUE_ID, message: t.updateRounds.dueRequired });
    else if (!isDay(dueDate))
      problems.push({ fieldId: DUE_ID, message: t.updateRounds.dueInvalid });
    else if (dueDate < amsterdamDay())
      problems.push({ fieldId: DUE_ID, message: t.updateRounds.duePast });
    if (message.length > MESSAGE_MAX)
      problems.push({ fieldId: MESSAGE_ID, message: t.updateRounds.messageTooLong });
    if (chosen.size === 0)
      problems.push({ fieldId: ACTIONS_ID, message: t.updateRounds.actionsRequired });
    else if (chosen.size > ACTIONS_MAX)
      problems.push({ fieldId: ACTIONS_ID, message: t.updateRounds.actionsTooMany });
    if (problems.length > 0) {
      setErrors(problems);
      return;
    }
    const request: Schemas['CreateUpdateRoundDto'] = {
      title: title.trim(),
      dueDate,
      ...(message.trim() && { message: message.trim() }),
      filter: { actionIds: [...chosen.keys()] },
    };
    setBusy(true);
    const result = await api
      .POST('/programmes/{id}/update-rounds', {
        params: {
          path: { id: programmeId },
          header: { 'Idempotency-Key': idempotency.keyFor(request) },
        },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      announce(t.updateRounds.created);
      void navigate(`/uitvraagrondes/${result.data.id}`);
      return;
    }
    setErrors(
      result === null
        ? [{ message: t.errors.network }]
        : createErrors(t, result.error, result.response.status),
    );
  }

  const errorFor = (fieldId: string) =>
    errors
      .filter((error) => error.fieldId === fieldId)
      .map((error) => error.message)
      .join(' ') || undefined;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="sbt-stack">
      <ErrorSummary errors={errors} />
      <Paragraph>{t.updateRounds.newIntro}</Paragraph>
      <div className="sbt-form">
        <TextField
          id={TITLE_ID}
          name="title"
          label={t.updateRounds.titleLabel}
          description={t.updateRounds.titleDescription}
          value={title}
          maxLength={TITLE_MAX}
          onChange={(event) => setTitle(event.target.value)}
          errorMessage={errorFor(TITLE_ID)}
          aria-required="true"
        />
        <TextField
          id={DUE_ID}
          name="dueDate"
          type="date"
          label={t.updateRounds.dueLabel}
          description={t.updateRounds.dueDescription}
          min={amsterdamDay()}
          value={dueDate}
          onChange={(event) => setDueDate(event.target.value)}
          errorMessage={errorFor(DUE_ID)}
          aria-required="true"
        />
        <TextareaField
          id={MESSAGE_ID}
          name="message"
          label={t.updateRounds.messageLabel}
          description={t.updateRounds.messageDescription}
          rows={4}
          maxLength={MESSAGE_MAX}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          errorMessage={errorFor(MESSAGE_ID)}
        />
      </div>
      <ActionPicker
        id={ACTIONS_ID}
        programmeId={programmeId}
        chosen={chosen}
        onChange={setChosen}
        errorMessage={errorFor(ACTIONS_ID)}
      />
      <div className="sbt-row">
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
          {busy ? t.updateRounds.submitBusy : t.updateRounds.submit(chosen.size)}
        </Button>
        <Link href="/uitvraagrondes">{t.updateRounds.cancelCreate}</Link>
      </div>
    </form>
  );
}

/** The API's refusal of a round, at the fields it is about. */
function createErrors(t: Messages, problem: Problem | undefined, status: number): FieldError[] {
  if (status === 400 && problem?.invalidParams?.length) {
    const errors = problem.invalidParams.map((param): FieldError => {
      if (param.name === 'title')
        return { fieldId: TITLE_ID, message: t.updateRounds.titleRequired };
      if (param.name === 'dueDate') return { fieldId: DUE_ID, message: t.updateRounds.duePast };
      if (param.name === 'message')
        return { fieldId: MESSAGE_ID, message: t.updateRounds.messageTooLong };
      if (param.name.startsWith('filter'))
        return { fieldId: ACTIONS_ID, message: t.updateRounds.actionsNoneOpen };
      return { message: t.errors.generic };
    });
    return errors.filter(
      (error, index) => errors.findIndex((other) => other.message === error.message) === index,
    );
  }
  if (status === 403) return [{ message: t.updateRounds.coordinatorsOnly }];
  if (status === 409) return [{ message: t.updateRounds.inFlight }];
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}
