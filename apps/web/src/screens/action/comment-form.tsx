import { type FormEvent, useMemo, useState } from 'react';
import { Alert, Button, Paragraph, RadioGroupField, TextareaField } from '../../components/nlds';
import { api, type Problem, type Schemas } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { type Messages, useT } from '../../i18n';
import { useMe } from '../../session/session';
import { MENTIONS_ID, MentionPicker } from './mention-picker';
import { useIdempotencyKey } from './use-idempotency-key';
import { useMembers } from './use-members';

type Position = Schemas['PartnerPosition'];

const POSITIONS: readonly Position[] = ['supports', 'concerns', 'objects'];
/** CreateCommentDto: MAX_MENTIONS. */
const MAX_MENTIONS = 20;

const BODY_ID = 'reactie-tekst';
const POSITION_ID = 'reactie-standpunt';

interface Posted {
  position: Position | null;
  mentioned: string[];
}

export function CommentForm(props: {
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
