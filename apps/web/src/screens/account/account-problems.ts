import type { Problem } from '../../api/client';
import type { FieldError } from '../../components/error-summary';
import type { Messages } from '../../i18n';

/**
 * The API's problems with an account change, in the person's language. The API words its
 * `invalidParams` reasons in English for integrators (libs/identity Passwords.check and the
 * body's validation); the app recognises them and says them its own way, at the field.
 */
export function passwordProblems(problem: Problem | undefined, t: Messages): FieldError[] {
  if (!problem?.invalidParams?.length) return [{ message: t.errors.generic }];
  const found = problem.invalidParams.map((param): FieldError => {
    if (param.name === 'currentPassword')
      return { fieldId: 'huidig-wachtwoord', message: t.account.currentWrong };
    const reason = param.reason;
    const message = /at least/.test(reason)
      ? t.account.newTooShort
      : /at most/.test(reason)
        ? t.account.newTooLong
        : /commonly used/.test(reason)
          ? t.account.newCommon
          : /e-mail/.test(reason)
            ? t.account.newContainsEmail
            : /differ/.test(reason)
              ? t.account.newSameAsCurrent
              : t.account.newInvalid;
    return { fieldId: 'nieuw-wachtwoord', message };
  });
  // One message per field and text: the same rule can come from two checks.
  return found.filter(
    (error, index) =>
      found.findIndex(
        (other) => other.fieldId === error.fieldId && other.message === error.message,
      ) === index,
  );
}

export function nameProblems(problem: Problem | undefined, t: Messages): FieldError[] {
  if (problem === undefined) return [{ message: t.errors.network }];
  const reason = problem.invalidParams?.find((param) => param.name === 'displayName')?.reason;
  if (reason === undefined) return [{ message: t.errors.generic }];
  return [
    {
      fieldId: 'weergavenaam',
      message: /at most|longer/.test(reason) ? t.account.nameTooLong : t.account.nameRequired,
    },
  ];
}

/** Whole minutes until the lock-out ends (the Retry-After header, in seconds). */
export function retryMinutes(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After') ?? '');
  return Math.max(1, Math.ceil((Number.isFinite(seconds) && seconds > 0 ? seconds : 60) / 60));
}
