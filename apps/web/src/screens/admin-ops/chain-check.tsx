import { useEffect, useRef, useState } from 'react';
import { api, type Schemas } from '../../api/client';
import { Alert, Button, Heading, Paragraph } from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import { useAdminProgramme } from './programme-choice';

type Verification = Schemas['AuditVerificationResponse'];

/** The checkpoint's status in a sentence (README "Verifying"). */
function checkpointInWords(t: Messages, checkpoint: Verification['checkpoint']): string {
  const c = t.adminOps.checkpoint;
  const at = checkpoint.createdAt ? t.format.dateTime(checkpoint.createdAt) : '';
  const sequence = checkpoint.sequence ?? 0;
  switch (checkpoint.status) {
    case 'none':
      return c.none;
    case 'unreadable':
      return c.unreadable;
    case 'matches':
      return c.matches(sequence, at);
    case 'differs':
      return c.differs(sequence, at);
    case 'beyond_log':
      return c.beyondLog(sequence, at);
  }
}

/**
 * De controle van de keten (GET /audit-events/verify, platform administrators): recomputes
 * every hash and holds the log against the latest signed checkpoint. On request, not on every
 * visit: a log of a million events takes seconds.
 */
export function ChainCheck() {
  const t = useT();
  const o = t.adminOps;
  const { isPlatformAdmin } = useAdminProgramme();
  const [state, setState] = useState<
    { status: 'idle' | 'busy' | 'failed' } | { status: 'done'; result: Verification }
  >({ status: 'idle' });
  const result = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (state.status === 'done' || state.status === 'failed') result.current?.focus();
  }, [state]);

  async function verify() {
    if (state.status === 'busy') return;
    setState({ status: 'busy' });
    const { data } = await api.GET('/audit-events/verify').catch(() => ({ data: undefined }));
    setState(data ? { status: 'done', result: data } : { status: 'failed' });
  }

  return (
    <section aria-labelledby="ketencontrole">
      <Heading level={2} id="ketencontrole">
        {o.chainCheck}
      </Heading>
      {!isPlatformAdmin ? (
        <Paragraph>{o.chainCheckAdminsOnly}</Paragraph>
      ) : (
        <>
          <Paragraph>{o.chainCheckIntro}</Paragraph>
          <Button
            appearance="secondary-action-button"
            busy={state.status === 'busy'}
            aria-disabled={state.status === 'busy'}
            onClick={() => void verify()}
          >
            {state.status === 'busy' ? o.chainChecking : o.checkChain}
          </Button>
          {state.status === 'failed' && (
            <div ref={result} tabIndex={-1} role="alert">
              <Alert type="error">
                <Paragraph>{t.errors.generic}</Paragraph>
              </Alert>
            </div>
          )}
          {state.status === 'done' && (
            <div ref={result} tabIndex={-1} role="status">
              <Alert type={state.result.valid ? 'ok' : 'error'}>
                <Paragraph>
                  <strong>
                    {state.result.valid
                      ? o.chainIntact(state.result.checked)
                      : o.chainBroken(state.result.firstInvalidSequence ?? 0)}
                  </strong>
                </Paragraph>
                {!state.result.valid && state.result.reason && (
                  <Paragraph>{o.chainReason(state.result.reason)}</Paragraph>
                )}
                <Paragraph>{checkpointInWords(t, state.result.checkpoint)}</Paragraph>
              </Alert>
            </div>
          )}
        </>
      )}
    </section>
  );
}
