import type { Problem, Schemas } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';
import { generalProblem } from './admin-parts';

export type Kind = Schemas['OrganisationKind'];
export const KINDS: Kind[] = [
  'ministry',
  'association',
  'municipality',
  'province',
  'water_board',
  'advisory_council',
  'other',
];
/** Mirrors the API's ORGANISATION_CODE_PATTERN (and the database's check). */
export const CODE_PATTERN = /^[A-Z][A-Z0-9-]{1,15}$/;

/** The API's problems with an organisation, at their fields. */
export function organisationProblems(
  problem: Problem | undefined,
  status: number | undefined,
  ids: { code: string; name: string; kind: string },
  t: Messages,
): FieldError[] {
  if (status === 409) return [{ fieldId: ids.code, message: t.admin.codeTaken }];
  const params = problem?.invalidParams ?? [];
  if (status !== 400 || params.length === 0)
    return [{ message: generalProblem(problem, status, t) }];
  return params.map((param) =>
    param.name === 'code'
      ? { fieldId: ids.code, message: t.admin.codeInvalid }
      : param.name === 'kind'
        ? { fieldId: ids.kind, message: t.admin.kindRequired }
        : { fieldId: ids.name, message: t.admin.nameRequired },
  );
}
