import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import { Button, Heading, Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';

const CLOSED: readonly Action['status'][] = ['met', 'partially_met', 'lapsed'];

/**
 * Verifiëren: the coordinator checked the evidence of a closed action
 * (POST /actions/{id}/verification, verification `verified`), a change of the action that
 * names the version read. Shown to coordinators on closed actions only; the API decides.
 */
export function VerifySection(props: {
  action: Action;
  etag: string;
  onChanged: () => Promise<void>;
}) {
  const { action } = props;
  const t = useT();
  const p = t.actionEdit.page;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [justVerified, setJustVerified] = useState(false);
  const outcome = useRef<HTMLParagraphElement>(null);
  // The button goes once the action is verified: the sentence saying so takes the focus.
  useEffect(() => {
    if (justVerified && action.verification === 'verified') outcome.current?.focus();
  }, [justVerified, action.verification]);
  if (!CLOSED.includes(action.status)) return null;

  async function verify() {
    if (busy) return;
    setBusy(true);
    const result = await api
      .POST('/actions/{id}/verification', {
        params: { path: { id: action.id }, header: { 'If-Match': props.etag } },
        body: {},
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      setErrors([]);
      setJustVerified(true);
      announce(p.verified);
      await props.onChanged();
      return;
    }
    const status = result?.response.status;
    setErrors([
      {
        message:
          status === undefined
            ? t.errors.network
            : status === 409
              ? p.notClosed
              : status === 412
                ? p.versionConflict
                : status === 403
                  ? p.verifyForbidden
                  : status === 429
                    ? t.errors.tooManyRequests
                    : t.errors.generic,
      },
    ]);
    if (status === 409 || status === 412) await props.onChanged();
  }

  return (
    <section aria-labelledby="verifieren" className="sbt-stack">
      <Heading level={2} id="verifieren">
        {p.verifyTitle}
      </Heading>
      <ErrorSummary errors={errors} />
      {action.verification === 'verified' ? (
        <Paragraph ref={outcome} tabIndex={-1}>
          {p.isVerified}
        </Paragraph>
      ) : (
        <>
          <Paragraph>
            {t.action.verification}: {t.verification[action.verification]}. {p.verifyExplanation}
          </Paragraph>
          <div>
            <Button
              appearance="primary-action-button"
              busy={busy}
              aria-disabled={busy}
              onClick={() => void verify()}
            >
              {busy ? p.verifyBusy : p.verify}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}
