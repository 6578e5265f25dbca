import { useEffect, useRef, useState } from 'react';
import { Button, Heading, Paragraph } from '../../components/nlds';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';

/** Closed actions can be confirmed (libs/tracking: applyVerification). */
const CLOSED: readonly Action['status'][] = ['met', 'partially_met', 'lapsed'];

/**
 * Bevestigen: a partner's liaison confirms that a closed action was carried out as reported
 * (verification `partner_reviewed`). A change of the action: it names the version read.
 */
export function Confirmation(props: {
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
