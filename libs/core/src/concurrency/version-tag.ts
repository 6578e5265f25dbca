import { DomainError } from '../errors/domain-error';

/**
 * Optimistic concurrency (DESIGN §4), for every versioned resource: the `ETag` is the
 * resource's version as a strong entity tag, `"7"`, and a change must send it back in
 * `If-Match`.
 *
 * Strong, not weak (`W/"7"`): RFC 9110 compares If-Match strongly, so a weak tag could never
 * match. The version names the state of the resource, whatever the representation.
 */
export const ConcurrencyErrors = {
  preconditionRequired: () =>
    new DomainError(
      'precondition_required',
      'PRECONDITION_REQUIRED',
      'Send If-Match with the ETag of the version you read, so that no change is lost.',
    ),
  versionConflict: () =>
    new DomainError(
      'precondition_failed',
      'VERSION_CONFLICT',
      'The resource changed since you read it: read it again and reapply your change.',
    ),
  /** `*`, a weak tag, a list or anything else that is not one ETag this API issued. */
  unrecognisedTag: () =>
    new DomainError(
      'precondition_failed',
      'VERSION_CONFLICT',
      'If-Match must be exactly one ETag as this API sent it, such as "3"; * and weak tags do not match.',
    ),
} as const;

/** The largest version a PostgreSQL integer column holds. */
const MAX_VERSION = 2_147_483_647;
const TAG = /^"([1-9][0-9]{0,9})"$/;

/** The ETag of a version: `"7"`. */
export function formatEtag(version: number): string {
  return `"${version}"`;
}

/**
 * The version an `If-Match` header names. Absent or blank: 428 PRECONDITION_REQUIRED.
 * Anything but exactly one of our tags (`*`, `W/"7"`, `"7", "8"`, `7`): 412 VERSION_CONFLICT,
 * because it cannot name the version the caller read (`*` would switch the check off).
 * Whether the version is current is the caller's to check, against the stored row.
 */
export function parseIfMatch(header: string | undefined): number {
  const value = header?.trim();
  if (value === undefined || value === '') throw ConcurrencyErrors.preconditionRequired();
  const match = TAG.exec(value);
  const version = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(version) || version > MAX_VERSION)
    throw ConcurrencyErrors.unrecognisedTag();
  return version;
}
