import { type FormEvent, useState } from 'react';
import { api } from '../../api/client';
import { useAnnounce } from '../../components/announcer';
import type { FieldError } from '../../components/error-summary';
import { Button, Paragraph, SelectField } from '../../components/nlds';
import type { ProgrammeRole } from '../../components/use-role';
import { useT } from '../../i18n';
import { errorFor, generalProblem, Panel } from './admin-parts';
import { ConfirmRemoval } from './confirm-removal';
import { type Member, ROLES } from './member-values';

/*
 * The steps of their own on the Leden screen: changing a member's role and confirming their
 * removal, each in a panel whose heading takes the focus.
 */

const NEW_ROLE_ID = 'nieuwe-rol';

export function ChangeRole(props: {
  programmeId: string;
  member: Member;
  errors: FieldError[];
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: (gone: boolean) => void;
}) {
  const { member } = props;
  const t = useT();
  const announce = useAnnounce();
  const [role, setRole] = useState<ProgrammeRole>(member.role);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    if (role === member.role)
      return props.onErrors([{ fieldId: NEW_ROLE_ID, message: t.admin.roleUnchanged }]);
    setBusy(true);
    const result = await api
      .PATCH('/programmes/{id}/members/{membershipId}', {
        params: { path: { id: props.programmeId, membershipId: member.id } },
        body: { role },
      })
      .catch(() => null);
    setBusy(false);
    if (result?.data) {
      props.onErrors([]);
      announce(t.admin.roleChanged(member.displayName, t.role[result.data.role]));
      return props.onDone(false);
    }
    const status = result?.response.status;
    if (status === 409)
      return props.onErrors([{ fieldId: NEW_ROLE_ID, message: t.admin.lastCoordinator }]);
    if (status === 404) {
      announce(t.admin.memberGone);
      return props.onDone(true);
    }
    props.onErrors([{ message: generalProblem(result?.error, status, t) }]);
  }

  return (
    <Panel id="rol-wijzigen" title={t.admin.changeRoleTitle(member.displayName)}>
      <Paragraph>{t.admin.currentRole(t.role[member.role])}</Paragraph>
      <form noValidate onSubmit={(event) => void submit(event)} className="sbt-form">
        <SelectField
          id={NEW_ROLE_ID}
          label={t.admin.newRole}
          value={role}
          onChange={(event) => setRole(event.target.value as ProgrammeRole)}
          errorMessage={errorFor(props.errors, NEW_ROLE_ID)}
        >
          {ROLES.map((value) => (
            <option key={value} value={value}>
              {t.role[value]}
            </option>
          ))}
        </SelectField>
        <div className="sbt-row">
          <Button type="submit" appearance="primary-action-button" busy={busy} aria-disabled={busy}>
            {t.admin.confirmRole}
          </Button>
          <Button type="button" appearance="secondary-action-button" onClick={props.onCancel}>
            {t.admin.cancel}
          </Button>
        </div>
      </form>
    </Panel>
  );
}

export function RemoveMember(props: {
  programmeId: string;
  member: Member;
  onErrors: (errors: FieldError[]) => void;
  onCancel: () => void;
  onDone: () => void;
}) {
  const { member } = props;
  const t = useT();
  return (
    <ConfirmRemoval
      id="lid-verwijderen"
      title={t.admin.removeTitle(member.displayName)}
      warning={t.admin.removeWarning}
      label={t.admin.confirmRemove}
      request={() =>
        api.DELETE('/programmes/{id}/members/{membershipId}', {
          params: { path: { id: props.programmeId, membershipId: member.id } },
        })
      }
      announcement={(status) =>
        status === 204 ? t.admin.memberRemoved(member.displayName) : t.admin.memberGone
      }
      conflict={t.admin.lastCoordinator}
      onErrors={props.onErrors}
      onCancel={props.onCancel}
      onDone={props.onDone}
    />
  );
}
