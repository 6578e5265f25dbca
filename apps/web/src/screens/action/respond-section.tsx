import { type FormEvent, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  CheckboxField,
  CheckboxGroupField,
  Heading,
  Paragraph,
  RadioGroupField,
  TextareaField,
  TextField,
} from '../../components/nlds';
import { api, type Problem, type Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { type Messages, useT } from '../../i18n';
import { useMe } from '../../session/session';
import { useIdempotencyKey } from './use-idempotency-key';
import { type Member, useMembers } from './use-members';

type Position = Schemas['PartnerPosition'];

const POSITIONS: readonly Position[] = ['supports', 'concerns', 'objects'];
/** Closed actions can be confirmed (libs/tracking: applyVerification). */
const CLOSED: readonly Action['status'][] = ['met', 'partially_met', 'lapsed'];
/** CreateCommentDto: MAX_MENTIONS. */
const MAX_MENTIONS = 20;
/** Matches shown at once in the mention picker; the person narrows the search for more. */
const MAX_SHOWN = 25;

const BODY_ID = 'reactie-tekst';
const POSITION_ID = 'reactie-standpunt';
const MENTIONS_ID = 'reactie-noemen';

type Errors = { part: 'comment' | 'confirm'; errors: FieldError[] } | null;

/**
 * Reageren: a comment with, for a partner organisation, its position and @-mentions of the
 * programme's members; Bevestigen: a partner's liaison confirms a closed action. Who may do
 * what follows the API's rules (libs/identity permissions, libs/tracking reviews): the API
 * decides again, and its refusals are shown in Dutch.
 */
export function RespondSection({
  action,
  etag,
  onChanged,
  level = 2,
}: {
  action: Action;
  /** The ETag of the action as read: a confirmation names it in If-Match. */
  etag: string;
  /** After a comment or a confirmation: the page reads the action and its comments again. */
  onChanged: () => unknown;
  /** The level of the section's heading, where the page places it in its outline. */
  level?: 2 | 3 | 4;
}) {
  const t = useT();
  const me = useMe();
  const [errors, setErrors] = useState<Errors>(null);
  const role = me.memberships.find((m) => m.programmeId === action.programmeId)?.role;
  // comments:write: coordinators, editors and liaisons (and platform administrators).
  const canComment =
    me.isPlatformAdmin || role === 'coordinator' || role === 'editor' || role === 'liaison';
  const partner = action.partners.find((p) => p.organisation.id === me.organisation.id);
  // actions:confirm: liaisons of a partner organisation that does not co-own the action.
  const confirms = role === 'liaison' && partner !== undefined && partner.role !== 'co_owner';

  return (
    <section aria-labelledby="reageren" className="sbt-stack">
      <Heading level={level} id="reageren">
        {t.respond.title}
      </Heading>
      {canComment ? (
        <CommentForm
          action={action}
          isPartner={partner !== undefined}
          errors={errors?.part === 'comment' ? errors.errors : []}
          onErrors={(list) => setErrors(list.length > 0 ? { part: 'comment', errors: list } : null)}
          onPosted={onChanged}
        />
      ) : (
        <Paragraph>{t.respond.viewerOnly}</Paragraph>
      )}
      {confirms && (
        <Confirmation
          action={action}
          etag={etag}
          level={(level + 1) as 3 | 4 | 5}
          errors={errors?.part === 'confirm' ? errors.errors : []}
          onErrors={(list) => setErrors(list.length > 0 ? { part: 'confirm', errors: list } : null)}
          onChanged={onChanged}
        />
      )}
    </section>
  );
}

interface Posted {
  position: Position | null;
  mentioned: string[];
}

function CommentForm(props: {
  action: Action;
  isPartner: boolean;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onPosted: () => unknown;
}) {
  const { action, isPartner, errors, onErrors } = props;
  const t = useT();
  const me = useMe();
  const announce = useAnnounce();
  const idempotency = useIdempotencyKey();
  const members = useMembers(action.programmeId);
  const [body, setBody] = useState('');
  const [position, setPosition] = useState<Position | ''>('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const [posted, setPosted] = useState<Posted | null>(null);

  // Nobody mentions themselves.
  const others = useMemo(
    () => (members.status === 'loaded' ? members.members.filter((m) => m.userId !== me.id) : []),
    [members, me.id],
  );
  const nameOf = (userId: string) => {
    const member = others.find((m) => m.userId === userId);
    return member ? t.respond.member(member.displayName, member.organisation.code) : userId;
  };
  const ownPosition = action.positions.find((p) => p.organisationId === me.organisation.id);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    const problems: FieldError[] = [];
    if (!body.trim()) problems.push({ fieldId: BODY_ID, message: t.respond.bodyRequired });
    if (chosen.length > MAX_MENTIONS)
      problems.push({ fieldId: MENTIONS_ID, message: t.respond.mentionsTooMany });
    if (problems.length > 0) {
      onErrors(problems);
      return;
    }
    const request: Schemas['CreateCommentDto'] = {
      body: body.trim(),
      ...(isPartner && position && { position }),
      ...(chosen.length > 0 && { mentionedUserIds: chosen }),
    };
    setBusy(true);
    const result = await api
      .POST('/actions/{id}/comments', {
        params: {
          path: { id: action.id },
          header: { 'Idempotency-Key': idempotency.keyFor(request) },
        },
        body: request,
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      idempotency.done();
      setPosted({
        position: result.data.position,
        mentioned: result.data.mentionedUserIds.map(nameOf),
      });
      setBody('');
      setPosition('');
      setChosen([]);
      onErrors([]);
      announce(t.respond.posted);
      void props.onPosted();
      return;
    }
    onErrors(
      result === null
        ? [{ message: t.errors.network }]
        : commentErrors(t, result.error, result.response.status, request, nameOf),
    );
  }

  const errorFor = (fieldId: string) =>
    errors
      .filter((error) => error.fieldId === fieldId)
      .map((error) => error.message)
      .join(' ') || undefined;

  return (
    <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
      <ErrorSummary errors={errors} />
      {posted && (
        <Alert type="ok">
          <Paragraph>
            <strong>{t.respond.posted}</strong>
          </Paragraph>
          {posted.position && (
            <Paragraph>
              {t.respond.postedPosition(me.organisation.code, t.position[posted.position])}
            </Paragraph>
          )}
          {posted.mentioned.length > 0 && (
            <Paragraph>{t.respond.postedMentions(posted.mentioned.join(', '))}</Paragraph>
          )}
        </Alert>
      )}
      <Paragraph>{t.respond.intro}</Paragraph>
      <TextareaField
        id={BODY_ID}
        name="body"
        label={t.respond.body}
        rows={5}
        maxLength={10_000}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        errorMessage={errorFor(BODY_ID)}
        // Not `required`: the design system paints :invalid red before anything was typed.
        aria-required="true"
      />
      {isPartner && (
        <RadioGroupField
          id={POSITION_ID}
          name="position"
          legend={t.respond.position(me.organisation.code)}
          description={
            <>
              {t.respond.positionDescription}
              {ownPosition && (
                <>
                  {' '}
                  {t.respond.currentPosition(
                    me.organisation.code,
                    t.position[ownPosition.position],
                    t.format.date(ownPosition.statedAt),
                  )}
                </>
              )}
            </>
          }
          errorMessage={errorFor(POSITION_ID)}
          choices={[
            ...POSITIONS.map((value) => ({ value, label: t.position[value] })),
            { value: '', label: t.respond.noPosition },
          ]}
          value={position}
          onChange={(value) => setPosition(value as Position | '')}
        />
      )}
      <MentionPicker
        members={members.status === 'loaded' ? others : null}
        failed={members.status === 'failed'}
        chosen={chosen}
        onChange={setChosen}
        nameOf={nameOf}
        errorMessage={errorFor(MENTIONS_ID)}
      />
      <div>
        <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
          {busy ? t.respond.busy : t.respond.submit}
        </Button>
      </div>
    </form>
  );
}

/**
 * @-mentions as a fieldset of checkboxes with a search box above it: accessible without a
 * combobox widget, and quick with many members (the search narrows the list; chosen members
 * stay listed so they can be unchosen).
 */
function MentionPicker(props: {
  members: Member[] | null;
  failed: boolean;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  nameOf: (userId: string) => string;
  errorMessage?: string;
}) {
  const t = useT();
  const [filter, setFilter] = useState('');
  const { members, chosen } = props;
  if (props.failed) return <Paragraph>{t.respond.mentionsUnavailable}</Paragraph>;
  if (members === null) return <Paragraph>{t.app.loading}</Paragraph>;

  const words = filter.toLocaleLowerCase('nl').split(/\s+/).filter(Boolean);
  const matches = members.filter((member) => {
    if (chosen.includes(member.userId)) return false;
    const text =
      `${member.displayName} ${member.organisation.code} ${member.organisation.name}`.toLocaleLowerCase(
        'nl',
      );
    return words.every((word) => text.includes(word));
  });
  const shown = [
    ...members.filter((member) => chosen.includes(member.userId)),
    ...matches.slice(0, MAX_SHOWN),
  ];
  const toggle = (userId: string, on: boolean) =>
    props.onChange(on ? [...chosen, userId] : chosen.filter((id) => id !== userId));

  return (
    <CheckboxGroupField
      id={MENTIONS_ID}
      legend={t.respond.mentions}
      description={t.respond.mentionsDescription}
      errorMessage={props.errorMessage}
    >
      <TextField
        id={`${MENTIONS_ID}-zoek`}
        name="mention-filter"
        type="search"
        label={t.respond.mentionsFilter}
        autoComplete="off"
        value={filter}
        onChange={(event) => setFilter(event.target.value)}
        // Enter in the search box narrows the list; it does not post the comment.
        onKeyDown={(event) => {
          if (event.key === 'Enter') event.preventDefault();
        }}
      />
      <Paragraph>
        {chosen.length > 0
          ? t.respond.mentionsChosen(chosen.map(props.nameOf).join(', '))
          : t.respond.mentionsNoneChosen}
      </Paragraph>
      {shown.map((member) => (
        <CheckboxField
          key={member.userId}
          id={`noem-${member.userId}`}
          name="mentionedUserIds"
          label={t.respond.member(member.displayName, member.organisation.code)}
          checked={chosen.includes(member.userId)}
          onChange={(on) => toggle(member.userId, on)}
        />
      ))}
      {matches.length === 0 && words.length > 0 && (
        <Paragraph>{t.respond.mentionsNoMatch}</Paragraph>
      )}
      {matches.length > MAX_SHOWN && (
        <Paragraph>{t.respond.mentionsMore(matches.length - MAX_SHOWN)}</Paragraph>
      )}
    </CheckboxGroupField>
  );
}

/** The API's refusal of a comment, in words at the fields it is about. */
function commentErrors(
  t: Messages,
  problem: Problem | undefined,
  status: number,
  request: Schemas['CreateCommentDto'],
  nameOf: (userId: string) => string,
): FieldError[] {
  if (status === 400 && problem?.invalidParams?.length) {
    const errors = problem.invalidParams.map((param): FieldError => {
      if (param.name === 'body') return { fieldId: BODY_ID, message: t.respond.bodyInvalid };
      if (param.name === 'position')
        return { fieldId: POSITION_ID, message: t.respond.positionNotPartner };
      const mention = /^mentionedUserIds(?:\[(\d+)\])?/.exec(param.name);
      if (mention) {
        const userId = mention[1] ? request.mentionedUserIds?.[Number(mention[1])] : undefined;
        return {
          fieldId: MENTIONS_ID,
          message: userId ? t.respond.mentionInvalid(nameOf(userId)) : t.respond.mentionsTooMany,
        };
      }
      return { message: t.errors.generic };
    });
    return errors.filter(
      (error, index) => errors.findIndex((other) => other.message === error.message) === index,
    );
  }
  if (status === 403) return [{ message: t.respond.forbidden }];
  if (status === 404) return [{ message: t.respond.actionGone }];
  if (status === 429) return [{ message: t.errors.tooManyRequests }];
  return [{ message: t.errors.generic }];
}

/**
 * Bevestigen: a partner's liaison confirms that a closed action was carried out as reported
 * (verification `partner_reviewed`). A change of the action: it names the version read.
 */
function Confirmation(props: {
  action: Action;
  etag: string;
  level: 3 | 4 | 5;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onChanged: () => unknown;
}) {
  const { action, onErrors } = props;
  const t = useT();
  const me = useMe();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [justConfirmed, setJustConfirmed] = useState(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  const closed = CLOSED.includes(action.status);

  // The button goes once the action is confirmed: focus moves to the sentence saying so.
  useEffect(() => {
    if (justConfirmed && action.verification !== 'self_reported') outcome.current?.focus();
  }, [justConfirmed, action.verification]);

  async function confirm() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .POST('/actions/{id}/confirmation', {
        params: { path: { id: action.id }, header: { 'If-Match': props.etag } },
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      onErrors([]);
      setJustConfirmed(true);
      announce(t.respond.confirmed);
      await props.onChanged();
      return;
    }
    if (result === null) {
      onErrors([{ message: t.errors.network }]);
      return;
    }
    const status = result.response.status;
    const code = result.error?.code;
    onErrors([
      {
        message:
          code === 'ALREADY_VERIFIED'
            ? t.respond.alreadyVerified
            : status === 409
              ? t.respond.notClosed
              : status === 412
                ? t.respond.versionConflict
                : status === 403
                  ? t.respond.confirmForbidden
                  : status === 404
                    ? t.respond.actionGone
                    : status === 429
                      ? t.errors.tooManyRequests
                      : t.errors.generic,
      },
    ]);
    // A stale version or a changed state: show the action as it is now.
    if (status === 409 || status === 412) await props.onChanged();
  }

  return (
    <section aria-labelledby="bevestigen" className="sbt-stack">
      <Heading level={props.level} id="bevestigen">
        {t.respond.confirmTitle}
      </Heading>
      <ErrorSummary errors={props.errors} />
      {action.verification === 'verified' ? (
        <Paragraph ref={outcome} tabIndex={-1}>
          {t.respond.isVerified}
        </Paragraph>
      ) : action.verification === 'partner_reviewed' ? (
        <Paragraph ref={outcome} tabIndex={-1}>
          {t.respond.isConfirmed}
        </Paragraph>
      ) : closed ? (
        <>
          <Paragraph>{t.respond.confirmExplanation(me.organisation.code)}</Paragraph>
          <div>
            <Button
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
              onClick={() => void confirm()}
            >
              {busy ? t.respond.confirmBusy : t.respond.confirm}
            </Button>
          </div>
        </>
      ) : (
        <Paragraph>{t.respond.confirmLater}</Paragraph>
      )}
    </section>
  );
}
