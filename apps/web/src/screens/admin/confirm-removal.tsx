import { useState } from 'react';
import type { Problem } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Paragraph } from '../../components/nlds';
import { useT } from '../../i18n';
import { ConfirmButtons, generalProblem, Panel } from './admin-parts';

/**
 * A removal confirmed in a step of its own (a member from the programme, one's own API token,
 * a user's link to an account at a provider).
 * Gone already (404) is what the person asked for, so it ends the step as a removal does;
 * anything else is said in the error summary and the step stays open.
 */
export function ConfirmRemoval(props: {
  id: string;
  title: string;
  /** The heading's level: 2 unless the step sits inside a section of its own. */
  level?: 3 | 4;
  warning: string;
  label: string;
  request: () => Promise<{ error?: Problem; response: Response }>;
  /** What is announced when it is gone: removed now (204) or before (404). */
  announcement: (status: 204 | 404) => string;
  /** What a 409 means, where the API may refuse the removal. */
  conflict?: string;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const t = useT();
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);

  async function remove() {
    if (busy) return;
    setBusy(true);
    const result = await props.request().catch(() => null);
    setBusy(false);
    const status = result?.response.status;
    if (status === 204 || status === 404) {
      props.onErrors([]);
      announce(props.announcement(status));
      return props.onDone();
    }
    props.onErrors([
      {
        message:
          status === 409 && props.conflict !== undefined
            ? props.conflict
            : generalProblem(result?.error, status, t),
      },
    ]);
  }

  return (
    <Panel id={props.id} title={props.title} level={props.level}>
      <Paragraph>{props.warning}</Paragraph>
      <ConfirmButtons
        label={props.label}
        busy={busy}
        onConfirm={() => void remove()}
        onCancel={props.onCancel}
      />
    </Panel>
  );
}
