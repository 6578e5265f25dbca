import { stringify } from 'csv-stringify/sync';
import { CHAINED_FIELDS } from '../chain/audit-chain';
import type { AuditEventResponse } from './audit-event.response';

/** The columns of the export: the fields the hash covers, and the hash. */
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

type Column = (typeof AUDIT_CSV_COLUMNS)[number];

/** An event as one flat record, keyed by column. */
function flatten(event: AuditEventResponse): Record<Column, unknown> {
  return {
    sequence: event.sequence,
    occurredAt: event.occurredAt,
    actorType: event.actor.type,
    actorId: event.actor.id,
    actorOrganisationId: event.actor.organisationId,
    clientAddress: event.origin.clientAddress,
    userAgent: event.origin.userAgent,
    requestId: event.origin.requestId,
    traceId: event.origin.traceId,
    operation: event.operation,
    result: event.result,
    entityType: event.entityType,
    entityId: event.entityId,
    programmeId: event.programmeId,
    changes: json(event.changes),
    details: json(event.details),
    prevHash: event.prevHash,
    hash: event.hash,
  };
}

/** CSV lines for `events`, in AUDIT_CSV_COLUMNS order; null is an empty cell. */
export function auditCsvRows(events: readonly AuditEventResponse[]): string {
  return stringify(
    events.map((event) => {
      const flat = flatten(event);
      return AUDIT_CSV_COLUMNS.map((column) => flat[column]);
    }),
    OPTIONS,
  );
}
