import type { Problem, Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import { generalProblem, type Organisation, passwordProblem } from './admin-parts';

/*
 * What the Gebruikers screen's filter and forms share: the organisations to choose from and
 * the API's problems with a user, said at their fields.
 */

export type User = Schemas['UserResponse'];

export function OrganisationOptions({ organisations }: { organisations: Organisation[] | null }) {
  return (
    <>
      {(organisations ?? []).map((organisation) => (
        <option key={organisation.id} value={organisation.id}>
          {organisation.name} ({organisation.code})
        </option>
      ))}
    </>
  );
}

/** The API's problems with a user, at their fields. */
export function userProblems(
  problem: Problem | undefined,
  status: number | undefined,
  ids: Record<'email' | 'name' | 'organisation' | 'password' | 'active', string>,
  t: Messages,
): FieldError[] {
  if (status === 409 && problem?.code === 'EMAIL_TAKEN')
    return [{ fieldId: ids.email, message: t.admin.emailTaken }];
  if (status === 409 && problem?.code === 'SELF_LOCKOUT')
    return [{ fieldId: ids.active, message: t.admin.selfLockout }];
  const params = problem?.invalidParams ?? [];
  if (status !== 400 || params.length === 0)
    return [{ message: generalProblem(problem, status, t) }];
  return params.map((param): FieldError => {
    switch (param.name) {
      case 'email':
        return { fieldId: ids.email, message: t.admin.emailInvalid };
      case 'organisationId':
        return { fieldId: ids.organisation, message: t.admin.organisationRequired };
      case 'password':
        return { fieldId: ids.password, message: passwordProblem(param.reason, t) };
      case 'displayName':
        return { fieldId: ids.name, message: t.admin.nameRequired };
      default:
        return { message: generalProblem(problem, status, t) };
    }
  });
}
