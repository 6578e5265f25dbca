import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { Action } from '../../components/action-table';
import { useAnnounce } from '../../components/announcer';
import { kindInWords, MAX_EVIDENCE, sizeInWords } from '../../components/attachment-words';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Button,
  CheckboxField,
  CheckboxGroupField,
  Heading,
  Paragraph,
} from '../../components/nlds';
import type { AttachmentList } from '../../components/use-attachments';
import { useLanguage, useT } from '../../i18n';

const CLOSED: readonly Action['status'][] = ['met', 'partially_met', 'lapsed'];

const EVIDENCE_FIELD = 'verificatie-bijlagen';

/**
 * Verifiëren: the coordinator checked the evidence of a closed action
 * (POST /actions/{id}/verification, verification `verified`), a change of the action that
 * names the version read, citing the attachments it rests on (none is fine). Shown to
 * coordinators on closed actions only; the API decides.
 */
export function VerifySection(props: {
  action: Action;
  etag: string;
  /** The action's attachments, the page's one list: a citation names only current ones. */
  attachments: AttachmentList;
  onChanged: () => Promise<void>;
}) {
  const { action } = props;
  const t = useT();
  const p = t.actionEdit.page;
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const [justVerified, setJustVerified] = useState(false);
  const [chosen, setChosen] = useState<string[]>([]);
  const outcome = useRef<HTMLParagraphElement>(null);
  // The button goes once the action is verified: the sentence saying so takes the focus.
  useEffect(() => {
    if (justVerified && action.verification === 'verified') outcome.current?.focus();
  }, [justVerified, action.verification]);
  if (!CLOSED.includes(action.status)) return null;

  async function verify() {
    if (busy) return;
    // Only what is still listed: one deleted meanwhile (and reloaded away) is not cited.
    const evidence = chosen.filter((id) => props.attachments.items.some((item) => item.id === id));
    if (evidence.length > MAX_EVIDENCE) {
      setErrors([{ fieldId: EVIDENCE_FIELD, message: t.attachments.evidence.tooMany }]);
      return;
    }
    setBusy(true);
    const result = await api
      .POST('/actions/{id}/verification', {
        params: { path: { id: action.id }, header: { 'If-Match': props.etag } },
        body: evidence.length > 0 ? { evidence } : {},
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
    if (result?.error?.code === 'ATTACHMENT_NOT_CITABLE') {
      setErrors([{ fieldId: EVIDENCE_FIELD, message: t.attachments.evidence.notCitable }]);
      setChosen([]);
      props.attachments.reload();
      return;
    }
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
          <EvidenceChoice
            list={props.attachments}
            chosen={chosen}
            onChange={setChosen}
            errorMessage={errors.find((error) => error.fieldId === EVIDENCE_FIELD)?.message}
          />
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

/** Which of the action's attachments the verification rests on: a checkbox each. */
function EvidenceChoice(props: {
  list: AttachmentList;
  chosen: string[];
  onChange: (chosen: string[]) => void;
  errorMessage?: string;
}) {
  const t = useT();
  const e = t.attachments.evidence;
  const language = useLanguage();
  const { list } = props;
  if (list.status === 'failed') return <Paragraph>{t.attachments.failed}</Paragraph>;
  if (list.status === 'loading' && list.items.length === 0)
    return <Paragraph>{t.app.loading}</Paragraph>;
  if (list.items.length === 0) return <Paragraph>{e.none}</Paragraph>;
  return (
    <CheckboxGroupField
      id={EVIDENCE_FIELD}
      legend={e.legend}
      description={e.hint}
      errorMessage={props.errorMessage}
    >
      {list.items.map((attachment) => (
        <CheckboxField
          key={attachment.id}
          id={`${EVIDENCE_FIELD}-${attachment.id}`}
          label={attachment.filename}
          description={[
            t.attachments.history.facts(
              kindInWords(t, attachment.contentType),
              sizeInWords(attachment.sizeBytes, language),
            ),
            attachment.description,
          ]
            .filter(Boolean)
            .join(' – ')}
          checked={props.chosen.includes(attachment.id)}
          onChange={(checked) =>
            props.onChange(
              checked
                ? [...props.chosen, attachment.id]
                : props.chosen.filter((id) => id !== attachment.id),
            )
          }
        />
      ))}
    </CheckboxGroupField>
  );
}
