import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ActionTable } from '../../components/action-table';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Heading, Paragraph, TextField } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { type Messages, useT } from '../../i18n';
import { useMe } from '../../session/session';
import { useNames } from '../action/use-names';
import { amsterdamDay, isDay, startOfAmsterdamDay } from '../../components/amsterdam-day';
import { ChangeCard } from './change-card';
import { usePartnerChanges } from './use-partner-changes';

const SINCE_ID = 'partnerschap-sinds';
/** Without a previous visit on record: the last two weeks. */
const DEFAULT_DAYS = 14;

type Since =
  { valid: true; instant: string; chosen: boolean } | { valid: false; error: FieldError };

/** `?sinds=<date>` in the address, or else the person's previous visit. */
function sinceFrom(t: Messages, value: string | null, previousVisit: string | null): Since {
  if (value === null || value === '') {
    return {
      valid: true,
      chosen: false,
      instant: previousVisit ?? startOfAmsterdamDay(amsterdamDay(-DEFAULT_DAYS)),
    };
  }
  if (!isDay(value))
    return { valid: false, error: { fieldId: SINCE_ID, message: t.partnership.sinceInvalid } };
  if (value > amsterdamDay())
    return { valid: false, error: { fieldId: SINCE_ID, message: t.partnership.sinceFuture } };
  return { valid: true, chosen: true, instant: startOfAmsterdamDay(value) };
}

/**
 * Partnerschap: the actions in which my organisation is a partner, and what changed in them
 * since my previous visit (or a date I choose, kept in the address): per action the fields
 * that changed, from what to what, the new narratives and the new comments side by side, and
 * right there the response a liaison gives (a comment with a position, or confirming a closed
 * action).
 */
export default function PartnershipScreen() {
  const t = useT();
  usePageTitle(t.partnership.title);
  const me = useMe();
  const { programmeId } = useProgrammeRole();
  const [params, setParams] = useSearchParams();
  const since = sinceFrom(t, params.get('sinds'), me.previousLoginAt);
  return (
    <>
      <Heading level={1}>{t.partnership.title}</Heading>
      {programmeId ? (
        <>
          <Paragraph>{t.partnership.intro(me.organisation.code)}</Paragraph>
          <SinceForm
            value={params.get('sinds') ?? ''}
            since={since}
            previousVisit={me.previousLoginAt}
            onApply={(day) => setParams(day ? { sinds: day } : {})}
          />
          {since.valid && (
            <Changes
              // A new moment starts afresh (no respond form left open on another action).
              key={since.instant}
              programmeId={programmeId}
              organisationId={me.organisation.id}
              organisationCode={me.organisation.code}
              since={since.instant}
            />
          )}
        </>
      ) : (
        <Paragraph>{t.partnership.noProgramme}</Paragraph>
      )}
    </>
  );
}

function SinceForm(props: {
  value: string;
  since: Since;
  previousVisit: string | null;
  onApply: (day: string) => void;
}) {
  const t = useT();
  const [draft, setDraft] = useState(props.value);
  const [errors, setErrors] = useState<FieldError[]>([]);
  // The field follows the address (the back button, "since my previous visit").
  const [seen, setSeen] = useState(props.value);
  if (seen !== props.value) {
    setSeen(props.value);
    setDraft(props.value);
    setErrors([]);
  }
  // A date in the address that is not one is shown as a problem too. The same list while
  // nothing changed: the summary takes the focus each time it gets a new one.
  const addressProblem = props.since.valid ? null : props.since.error.message;
  const shownErrors = useMemo(
    () =>
      errors.length > 0
        ? errors
        : addressProblem
          ? [{ fieldId: SINCE_ID, message: addressProblem }]
          : [],
    [errors, addressProblem],
  );
  const apply = (event: FormEvent) => {
    event.preventDefault();
    const checked = draft ? sinceFrom(t, draft, props.previousVisit) : null;
    if (checked && !checked.valid) {
      setErrors([checked.error]);
      return;
    }
    setErrors([]);
    props.onApply(draft);
  };
  return (
    <form noValidate onSubmit={apply} aria-label={t.partnership.sinceForm} className="sbt-stack">
      <ErrorSummary errors={shownErrors} />
      <div className="sbt-filters">
        <TextField
          id={SINCE_ID}
          name="sinds"
          type="date"
          label={t.partnership.sinceLabel}
          description={
            props.previousVisit
              ? t.partnership.sinceDescription(t.format.dateTime(props.previousVisit))
              : t.partnership.sinceDescriptionFirst(DEFAULT_DAYS)
          }
          max={amsterdamDay()}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          errorMessage={shownErrors.map((error) => error.message).join(' ') || undefined}
        />
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button">
            {t.partnership.sinceApply}
          </Button>
          {props.value && (
            <Button
              type="button"
              appearance="secondary-action-button"
              onClick={() => {
                setErrors([]);
                props.onApply('');
                // This button goes with the date: the focus goes to the field, not the page.
                window.setTimeout(() => document.getElementById(SINCE_ID)?.focus(), 0);
              }}
            >
              {t.partnership.sinceReset}
            </Button>
          )}
        </div>
      </div>
    </form>
  );
}

function Changes(props: {
  programmeId: string;
  organisationId: string;
  organisationCode: string;
  since: string;
}) {
  const t = useT();
  const names = useNames(props.programmeId);
  const { state, reloadAction } = usePartnerChanges(
    props.programmeId,
    props.organisationId,
    props.since,
  );
  // One response form at a time: its fields have the ids the action page gives them.
  const [responding, setResponding] = useState<string | null>(null);
  const when = t.format.dateTime(props.since);
  if (state.status === 'loading')
    return (
      <Paragraph role="status" aria-live="polite">
        {t.partnership.loading}
      </Paragraph>
    );
  if (state.status === 'failed') return <Paragraph>{t.partnership.failed}</Paragraph>;
  if (state.changed.length === 0 && state.unchanged.length === 0)
    return <Paragraph>{t.partnership.notAPartner(props.organisationCode)}</Paragraph>;
  return (
    <>
      <section aria-labelledby="gewijzigd" className="sbt-stack">
        <Heading level={2} id="gewijzigd">
          {t.partnership.changedTitle(when, state.changed.length)}
        </Heading>
        {state.changed.length === 0 ? (
          <Paragraph>{t.partnership.nothingChanged(when, props.organisationCode)}</Paragraph>
        ) : (
          state.changed.map((changes) => (
            <ChangeCard
              key={changes.action.id}
              changes={changes}
              names={names}
              responding={responding === changes.action.id}
              onRespond={(open) => setResponding(open ? changes.action.id : null)}
              onChanged={() => reloadAction(changes.action.id)}
            />
          ))
        )}
      </section>
      <section aria-labelledby="ongewijzigd">
        <Heading level={2} id="ongewijzigd">
          {t.partnership.unchangedTitle(state.unchanged.length)}
        </Heading>
        {state.unchanged.length === 0 ? (
          <Paragraph>{t.partnership.allChanged}</Paragraph>
        ) : (
          <ActionTable
            caption={t.partnership.unchangedTitle(state.unchanged.length)}
            actions={state.unchanged}
          />
        )}
      </section>
      {!state.complete && <Paragraph>{t.partnership.truncated}</Paragraph>}
    </>
  );
}
