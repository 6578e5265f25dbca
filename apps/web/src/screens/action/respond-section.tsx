import { useState } from 'react';
import { Heading, Paragraph } from '../../components/nlds';
import type { Action } from '../../components/action-table';
import type { FieldError } from '../../components/error-summary';
import { useT } from '../../i18n';
import { useMe } from '../../session/session';
import { CommentForm } from './comment-form';
import { Confirmation } from './confirmation-section';

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
