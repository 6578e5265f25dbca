import { CoreErrors, DomainError } from '@app/core';

/** Errors of reading the audit log. */
export const AuditQueryErrors = {
  /** Also for an event outside the caller's programmes: ids cannot be probed. */
  eventNotFound: () =>
    new DomainError('not_found', 'AUDIT_EVENT_NOT_FOUND', 'No such audit event.'),
  emptyPeriod: () =>
    CoreErrors.validationFailed([
      { name: 'occurredTo', reason: 'must be later than occurredFrom' },
    ]),
} as const;
