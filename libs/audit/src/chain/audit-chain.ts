import { createHash } from 'node:crypto';
import { canonicalJson } from './canonical-json';

/** The `prevHash` of the first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * The fields an event's hash covers, as stored. A column that is NULL is absent from the
 * serialisation (not `null`), so the hash does not depend on how a driver reports NULL.
 * `sequence` is a decimal string: it is a PostgreSQL bigint.
 */
export interface ChainedEvent {
  sequence: string;
  /** ISO 8601 in UTC with milliseconds, as `Date#toISOString` writes it. */
  occurredAt: string;
  actorType: string;
  actorId: string | null;
  actorOrganisationId: string | null;
  clientAddress: string | null;
  userAgent: string | null;
  requestId: string | null;
  traceId: string | null;
  operation: string;
  result: string;
  entityType: string;
  entityId: string | null;
  programmeId: string | null;
  changes: unknown;
  details: unknown;
  prevHash: string;
}

const FIELDS: readonly (keyof ChainedEvent)[] = [
  'sequence',
  'occurredAt',
  'actorType',
  'actorId',
  'actorOrganisationId',
  'clientAddress',
  'userAgent',
  'requestId',
  'traceId',
  'operation',
  'result',
  'entityType',
  'entityId',
  'programmeId',
  'changes',
  'details',
  'prevHash',
];

/** The exact bytes an event's hash is taken over (UTF-8 of this string). */
export function serialiseEvent(event: ChainedEvent): string {
  const present: Record<string, unknown> = {};
  for (const field of FIELDS) {
    const value = event[field];
    if (value !== null && value !== undefined) present[field] = value;
  }
  return canonicalJson(present);
}

/** SHA-256 (hex) over the canonical serialisation of the event and its `prevHash`. */
export function hashEvent(event: ChainedEvent): string {
  return createHash('sha256').update(serialiseEvent(event), 'utf8').digest('hex');
}
