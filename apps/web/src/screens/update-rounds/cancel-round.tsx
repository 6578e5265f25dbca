import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import type { UpdateRound } from './round-words';

/**
 * Ronde annuleren, in two steps: the button asks, a warning says what cancelling does and
 * asks to confirm. The focus goes with it: to the question, back to the button on "no", and
 * to the outcome on "yes" (the page says so; this section goes with the open round). DELETE needs no
 * If-Match: a round has no version, and cancelling twice is a 409 that changes nothing.
 */
export function CancelRound(props: { round: UpdateRound; onCancelled: () => Promise<void> }) {
  const t = useT();
  const announce = useAnnounce();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const question = useRef<HTMLHeadingElement>(null);
  const start = useRef<HTMLButtonElement>(null);
  const returnFocus = useRef(false);

  useEffect(() => {
    if (asking) question.current?.focus();
    else if (returnFocus.current) start.current?.focus();
    returnFocus.current = false;
  }, [asking]);

  async function cancel() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .DELETE('/programmes/{id}/update-rounds/{roundId}', {
        params: { path: { id: props.round.programmeId, roundId: props.round.id } },
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data || result?.response.status === 409) {
      // 409: it was cancelled meanwhile; either way the page shows it cancelled.
      announce(t.updateRounds.cancelled);
      await props.onCancelled();
      return;
    }
    const status = result?.response.status;
    setErrors([
      {
        message:
          result === null
            ? t.errors.network
            : status === 403
              ? t.updateRounds.coordinatorsOnly
              : status === 429
                ? t.errors.tooManyRequests
                : t.errors.generic,
      },
    ]);
  }

  return (
    <section aria-labelledby="ronde-annuleren" className="sbt-stack">
      <Heading level={2} id="ronde-annuleren">
        {t.updateRounds.cancelTitle}
      </Heading>
      <ErrorSummary errors={errors} />
      {asking ? (
        <Alert type="warning">
          <Heading level={3} id="ronde-annuleren-vraag" ref={question} tabIndex={-1}>
            {t.updateRounds.cancelQuestion}
          </Heading>
          <Paragraph>{t.updateRounds.cancelExplanation}</Paragraph>
          <div className="sbt-row">
            <Button
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
              onClick={() => void cancel()}
            >
              {busy ? t.updateRounds.cancelBusy : t.updateRounds.cancelConfirm}
            </Button>
            <Button
              appearance="secondary-action-button"
              onClick={() => {
                returnFocus.current = true;
                setErrors([]);
                setAsking(false);
              }}
            >
              {t.updateRounds.cancelKeep}
            </Button>
          </div>
        </Alert>
      ) : (
        <>
          <Paragraph>{t.updateRounds.cancelIntro}</Paragraph>
          <div>
            <Button
              ref={start}
              appearance="secondary-action-button"
              onClick={() => setAsking(true)}
            >
              {t.updateRounds.cancelStart}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
