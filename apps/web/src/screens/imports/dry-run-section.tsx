import { useRef, useState } from 'react';
import { api, type Problem } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import { ErrorSummary, type FieldError } from '../../components/error-summary';
import {
  Button,
  Heading,
  Paragraph,
  UnorderedList,
  UnorderedListItem,
} from '../../components/nlds';
import { type Messages, useT } from '../../i18n';
import { Panel } from '../admin/admin-parts';
import { CONFLICT_FILTER_ID, DryRunRows } from './dry-run-rows';
import { confirmSentence, type Import } from './import-words';

/**
 * Where the error summary of an unresolved conflict leads: the first conflict on the page
 * still without a choice, or else the filter that shows the conflicts.
 */
function unresolvedTarget(): string {
  const open = Array.from(document.querySelectorAll<HTMLElement>('[data-keuze]')).find(
    (choice) => !choice.querySelector('input:checked'),
  );
  return open?.dataset.keuze ?? CONFLICT_FILTER_ID;
}

function applyProblem(t: Messages, item: Import, status?: number, problem?: Problem): FieldError {
  const i = t.imports;
  if (problem?.code === 'IMPORT_CONFLICTS_UNRESOLVED')
    return {
      fieldId: unresolvedTarget(),
      message: i.applyUnresolved(Math.max(item.unresolvedConflicts, 1)),
    };
  if (problem?.code === 'IMPORT_NOT_PLANNED') return { message: i.applyNotPlanned };
  if (problem?.code === 'IMPORT_OUTDATED') return { message: i.applyOvertaken };
  if (status === undefined) return { message: t.errors.network };
  if (status === 403) return { message: t.errors.forbidden };
  if (status === 429) return { message: t.errors.tooManyRequests };
  return { message: i.applyFailed };
}

/** The dry run in figures, its notices and rows, and the apply after a confirmation. */
export function DryRunSection({
  item,
  replace,
}: {
  item: Import;
  replace: (item: Import) => void;
}) {
  const t = useT();
  const i = t.imports;
  const announce = useAnnounce();
  const { counts } = item;
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldError[]>([]);
  const applyButton = useRef<HTMLButtonElement>(null);

  function review() {
    if (item.unresolvedConflicts > 0) {
      setConfirming(false);
      setErrors([
        { fieldId: unresolvedTarget(), message: i.applyUnresolved(item.unresolvedConflicts) },
      ]);
      return;
    }
    setErrors([]);
    setConfirming(true);
  }

  async function apply() {
    if (busy) return;
    setBusy(true);
    const { data, error, response } = await api
      .POST('/programmes/{id}/imports/{importId}/apply', {
        params: { path: { id: item.programmeId, importId: item.id } },
      })
      .catch(() => ({ data: undefined, error: undefined, response: undefined }));
    setBusy(false);
    if (data) {
      announce(i.applyStarted);
      replace(data);
      return;
    }
    setConfirming(false);
    setErrors([applyProblem(t, item, response?.status, error)]);
  }

  const figures = [
    counts.create > 0 && i.countCreate(counts.create),
    counts.update > 0 && i.countUpdate(counts.update),
    counts.unchanged > 0 && i.countUnchanged(counts.unchanged),
    counts.conflict > 0 && i.countConflict(counts.conflict),
    counts.error > 0 && i.countError(counts.error),
  ].filter((line): line is string => Boolean(line));
  return (
    <>
      <section aria-labelledby="import-proef">
        <Heading level={2} id="import-proef">
          {i.dryRunTitle}
        </Heading>
        <Paragraph>{i.planned}</Paragraph>
        {figures.length > 0 ? (
          <>
            <Paragraph>{i.countsIntro(counts.total)}</Paragraph>
            <UnorderedList>
              {figures.map((line) => (
                <UnorderedListItem key={line}>{line}</UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        ) : (
          <Paragraph>{i.countsNone}</Paragraph>
        )}
        {item.notices.length > 0 && (
          <>
            <Heading level={3}>{i.noticesTitle}</Heading>
            <UnorderedList>
              {item.notices.map((notice, index) => (
                <UnorderedListItem key={index}>{notice.reason}</UnorderedListItem>
              ))}
            </UnorderedList>
          </>
        )}
      </section>
      <DryRunRows item={item} replace={replace} />
      <section aria-labelledby="import-doorvoeren" className="sbt-stack">
        <Heading level={2} id="import-doorvoeren">
          {i.applyTitle}
        </Heading>
        <Paragraph>{i.applyIntro}</Paragraph>
        <ErrorSummary errors={errors} />
        <div>
          <Button
            ref={applyButton}
            type="button"
            appearance="primary-action-button"
            onClick={review}
          >
            {i.apply}
          </Button>
        </div>
        {confirming && (
          <Panel id="import-bevestigen" title={i.confirmTitle}>
            <Paragraph>{confirmSentence(i, counts)}</Paragraph>
            <div className="sbt-row">
              <Button
                type="button"
                appearance="primary-action-button"
                busy={busy}
                aria-disabled={busy}
                onClick={() => void apply()}
              >
                {i.confirm}
              </Button>
              <Button
                type="button"
                appearance="secondary-action-button"
                onClick={() => {
                  setConfirming(false);
                  applyButton.current?.focus();
                }}
              >
                {i.cancel}
              </Button>
            </div>
          </Panel>
        )}
      </section>
    </>
  );
}
