import { type CsvCell, csvLines } from '@app/core';
import { CHAINED_FIELDS } from '../chain/audit-chain';
import type { AuditEventResponse } from './audit-event.response';

/** The columns of the export: the fields the hash covers, and the hash. */
export const AUDIT_CSV_COLUMNS = [...CHAINED_FIELDS, 'hash'] as const;

const json = (value: unknown) => (value === null ? null : JSON.stringify(value));

/** The header line. */
export function auditCsvHeader(): string {
  return csvLines([AUDIT_CSV_COLUMNS]);
}

type Column = (typeof AUDIT_CSV_COLUMNS)[number];

/** An event as one flat record, keyed by column. */
function flatten(event: AuditEventResponse): Record<Column, CsvCell> {
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
  return csvLines(
    events.map((event) => {
      const flat = flatten(event);
      return AUDIT_CSV_COLUMNS.map((column) => flat[column]);
    }),
  );
}
