import { stringify } from 'csv-stringify/sync';
import { CHAINED_FIELDS } from '../chain/audit-chain';
import type { AuditEventResponse } from './audit-event.response';

/** The columns of the export: the fields the hash covers and the hash, so a row can be checked. */
export const AUDIT_CSV_COLUMNS = [...CHAINED_FIELDS, 'hash'] as const;

const OPTIONS = {
  // OWASP "CSV injection": a cell that starts with = + - @ tab or CR gets a leading
  // apostrophe, so a spreadsheet shows it as text instead of running it as a formula.
  escape_formulas: true,
  // RFC 4180 line breaks.
  record_delimiter: 'windows',
} as const;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The header line. */
export function auditCsvHeader(): string {
  return stringify([[...AUDIT_CSV_COLUMNS]], OPTIONS);
}

/** CSV lines for `events`, in AUDIT_CSV_COLUMNS order; null is an empty cell. */
export function auditCsvRows(events: readonly AuditEventResponse[]): string {
  return stringify(
    events.map((event) => [
      event.sequence,
      event.occurredAt,
      event.actor.type,
      event.actor.id,
      event.actor.organisationId,
      event.origin.clientAddress,
      event.origin.userAgent,
      event.origin.requestId,
      event.origin.traceId,
      event.operation,
      event.result,
      event.entityType,
      event.entityId,
      event.programmeId,
      json(event.changes),
      json(event.details),
      event.prevHash,
      event.hash,
    ]),
    OPTIONS,
  );
}
