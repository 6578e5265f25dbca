import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Alert, Button, CheckboxField, Heading, Link, Paragraph } from '../../components/nlds';
import { usePageTitle } from '../../components/page-title';
import { useProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';
import { ListBody } from '../action/activity-sections';
import { type Member, useMembers } from '../action/use-members';
import { usePagedList } from '../action/use-paged-list';
import { applyTo, type BulkChange, type BulkResult, fresh, listQuery } from './bulk-apply';
import {
  BULK_FIELD,
  ChangeFields,
  type ChangeInput,
  changeInWords,
  changeOf,
} from './bulk-change-fields';
import { BulkConfirm, BulkProgress, type Phase } from './bulk-phases';
import { BulkResults } from './bulk-results';
import { SelectionTable } from './bulk-selection-table';
import { mayCreate, mayEdit, ownerOrganisationsFor } from './may-edit';
import { type Choices, useChoices } from './use-choices';

const PAGE = 50;

/**
 * Meerdere acties wijzigen (`/acties/wijzigen?<filters of the action list>`): choose actions of
 * the filtered list, choose one change, confirm, and the app applies it action by action with
 * each action's own If-Match, then reports per action what happened.
 */
export default function BulkChangeScreen() {
  const t = useT();
  usePageTitle(t.bulk.title);
  const me = useMe();
  const { programmeId } = useProgrammeRole();
  return (
    <>
      <Heading level={1}>{t.bulk.title}</Heading>
      {!programmeId ? (
        <Paragraph>{t.actionEdit.noProgramme}</Paragraph>
      ) : !mayCreate(me, programmeId) ? (
        <Alert type="info">
          <Paragraph>{t.bulk.notAllowed}</Paragraph>
        </Alert>
      ) : (
        <WithChoices programmeId={programmeId} />
      )}
    </>
  );
}

function WithChoices({ programmeId }: { programmeId: string }) {
  const t = useT();
  const choices = useChoices(programmeId);
  const members = useMembers(programmeId);
  if (choices.status === 'failed' || members.status === 'failed')
    return <Paragraph>{t.errors.generic}</Paragraph>;
  if (choices.status === 'loading' || members.status === 'loading')
    return <Paragraph>{t.app.loading}</Paragraph>;
  return <BulkChange programmeId={programmeId} choices={choices} members={members.members} />;
}

function BulkChange(props: { programmeId: string; choices: Choices; members: Member[] }) {
  const { programmeId, choices, members } = props;
  const t = useT();
  const b = t.bulk;
  const me = useMe();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const query = useMemo(() => listQuery(params), [params]);
  const queryKey = JSON.stringify(query);
  const list = usePagedList<Action>(`${programmeId}:${queryKey}`, (cursor) =>
    api
      .GET('/actions', {
        params: { query: { ...query, programme: programmeId, limit: PAGE, cursor } as never },
      })
      .then(({ data }) => data),
  );
  // Actions changed here: the newer version replaces the listed one (for the next change).
  const [newer, setNewer] = useState<ReadonlyMap<string, Action>>(new Map());
  const shown = list.items.map((action) => newer.get(action.id) ?? action);
  const editable = shown.filter((action) => mayEdit(me, action));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [input, setInput] = useState<ChangeInput>({
    kind: '',
    ownerOrganisationId: '',
    ownerUserId: '',
    trackId: '',
    tag: '',
    deadline: '',
    reason: '',
  });
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [phase, setPhase] = useState<Phase>({ step: 'choose' });
  const confirmHeading = useRef<HTMLHeadingElement>(null);
  const progressHeading = useRef<HTMLHeadingElement>(null);
  const reviewButton = useRef<HTMLButtonElement>(null);
  // The button pressed goes with each step: the next step's heading takes the focus.
  useEffect(() => {
    if (phase.step === 'confirm') confirmHeading.current?.focus();
    if (phase.step === 'applying') progressHeading.current?.focus();
  }, [phase.step]);

  const errorFor = (fieldId: string) =>
    errors
      .filter((error) => error.fieldId === fieldId)
      .map((error) => error.message)
      .join(' ') || undefined;
  const chosen = editable.filter((action) => selected.has(action.id));
  const allChosen = editable.length > 0 && chosen.length === editable.length;

  /** Any change to the choice takes the person back from the confirmation. */
  function choosing() {
    if (phase.step === 'confirm') setPhase({ step: 'choose' });
  }
  function toggle(id: string, on: boolean) {
    choosing();
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }
  function toggleAll(on: boolean) {
    choosing();
    setSelected(on ? new Set(editable.map((action) => action.id)) : new Set());
    announce(on ? b.selectedCount(editable.length) : b.selectedCount(0));
  }

  function review(event: FormEvent) {
    event.preventDefault();
    const found: FieldError[] = [];
    if (chosen.length === 0) found.push({ fieldId: BULK_FIELD.selection, message: b.errors.none });
    const result = changeOf(t, input);
    found.push(...result.errors);
    setErrors(found);
    if (found.length > 0 || !result.change) return;
    setPhase({ step: 'confirm', change: result.change, actions: chosen });
  }

  async function apply(change: BulkChange, actions: Action[], earlier: BulkResult[] = []) {
    announce(b.applying(actions.length));
    setPhase({ step: 'applying', done: 0, total: actions.length });
    const results: BulkResult[] = [];
    for (const action of actions) {
      results.push(await applyTo(change, action));
      setPhase({ step: 'applying', done: results.length, total: actions.length });
    }
    setNewer((current) => {
      const next = new Map(current);
      for (const result of results) next.set(result.action.id, result.action);
      return next;
    });
    const merged = earlier.length
      ? earlier.map((old) => results.find((r) => r.action.id === old.action.id) ?? old)
      : results;
    setPhase({ step: 'done', change, results: merged });
  }

  /** Conflicted (and failed) actions again, each on its version as it is now. */
  async function retry(change: BulkChange, results: BulkResult[]) {
    const again = results.filter((r) => r.outcome === 'conflict' || r.outcome === 'failed');
    const now: Action[] = [];
    for (const result of again) now.push((await fresh(result.action)) ?? result.action);
    await apply(change, now, results);
  }

  const lookup = { choices, members };
  const listHref = `/acties${params.toString() ? `?${params.toString()}` : ''}`;
  return (
    <div className="sbt-stack">
      <Paragraph>{b.intro}</Paragraph>
      <Paragraph>
        <Link href={listHref}>{b.backToList}</Link>
      </Paragraph>
      <ErrorSummary errors={errors} />
      <form noValidate onSubmit={review} className="sbt-stack">
        <section aria-labelledby="bulk-actions" className="sbt-stack">
          <Heading level={2} id="bulk-actions">
            {b.step1}
          </Heading>
          <div id={BULK_FIELD.selection}>
            {errorFor(BULK_FIELD.selection) && (
              <Paragraph className="utrecht-form-field-error-message">
                {errorFor(BULK_FIELD.selection)}
              </Paragraph>
            )}
            <ListBody list={{ ...list, items: shown }} empty={b.empty}>
              {(actions) => (
                <>
                  {editable.length > 0 ? (
                    <>
                      <CheckboxField
                        id="bulk-all"
                        label={b.selectAll(editable.length)}
                        checked={allChosen}
                        onChange={toggleAll}
                      />
                      <Paragraph>{b.selectedCount(chosen.length)}</Paragraph>
                    </>
                  ) : (
                    <Paragraph>{b.noneEditable}</Paragraph>
                  )}
                  <SelectionTable
                    actions={actions}
                    selected={selected}
                    onToggle={toggle}
                    mayChange={(action) => mayEdit(me, action)}
                    choices={choices}
                  />
                </>
              )}
            </ListBody>
          </div>
        </section>
        <section aria-labelledby="bulk-change" className="sbt-form">
          <Heading level={2} id="bulk-change">
            {b.step2}
          </Heading>
          <ChangeFields
            input={input}
            onChange={(next) => {
              choosing();
              setInput(next);
            }}
            choices={choices}
            members={members}
            owners={ownerOrganisationsFor(me, programmeId)}
            errorFor={errorFor}
          />
          <div>
            <Button ref={reviewButton} type="submit" appearance="secondary-action-button">
              {b.review}
            </Button>
          </div>
        </section>
      </form>
      {phase.step === 'confirm' && (
        <BulkConfirm
          phase={phase}
          headingRef={confirmHeading}
          description={changeInWords(t, phase.change, lookup)}
          onApply={() => void apply(phase.change, phase.actions)}
          onCancel={() => {
            setPhase({ step: 'choose' });
            reviewButton.current?.focus();
          }}
        />
      )}
      {phase.step === 'applying' && <BulkProgress phase={phase} headingRef={progressHeading} />}
      {phase.step === 'done' && (
        <BulkResults
          results={phase.results}
          description={changeInWords(t, phase.change, lookup)}
          onRetry={() => void retry(phase.change, phase.results)}
        />
      )}
    </div>
  );
}
