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

/** The fields an event's hash covers, in the order of the table. */
export const CHAINED_FIELDS: readonly (keyof ChainedEvent)[] = [
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

/** The fields in RFC 8785 order: ASCII names, so plain sorting is UTF-16 code unit order. */
const SORTED_FIELDS = [...CHAINED_FIELDS].sort();

/**
 * The exact bytes an event's hash is taken over (UTF-8 of this string): the RFC 8785
 * canonical JSON of its present fields, the same text `canonicalJson` would give. Written
 * out for the known top level, as verifying a million events spends most of its time here.
 */
export function serialiseEvent(event: ChainedEvent): string {
  let text = '{';
  for (const field of SORTED_FIELDS) {
    const value = event[field];
    if (value === null || value === undefined) continue;
    text += `${text.length === 1 ? '' : ','}"${field}":${canonicalValue(value)}`;
  }
  return `${text}}`;
}

/** An event before it is chained: everything but its time and its place in the chain. */
export type UnchainedEvent = Omit<ChainedEvent, 'sequence' | 'prevHash' | 'occurredAt'>;

/** The fields the database fills in under the chain lock, in serialisation order. */
const CHAIN_FILLED: ReadonlySet<keyof ChainedEvent> = new Set([
  'occurredAt',
  'prevHash',
  'sequence',
]);

/**
 * `serialiseEvent` split around the three values the database fills in under the chain
 * lock: `parts[0] + occurredAt + parts[1] + prevHash + parts[2] + sequence + parts[3]` is
 * the serialisation of the chained event. `audit_chain_advance` joins them, so the head row
 * is locked and moved, and the time taken, in one statement, without a round trip to the
 * application while it is held; and the time follows the sequence.
 */
export function serialiseEventParts(event: UnchainedEvent): [string, string, string, string] {
  const parts: string[] = [];
  let text = '{';
  let first = true;
  for (const field of SORTED_FIELDS) {
    const separator = first ? '' : ',';
    if (CHAIN_FILLED.has(field)) {
      // An ISO instant, hex and decimal digits: their JSON strings need no escaping.
      parts.push(`${text}${separator}"${field}":"`);
      text = '"';
      first = false;
      continue;
    }
    const value = (event as Partial<ChainedEvent>)[field];
    if (value === null || value === undefined) continue;
    text += `${separator}"${field}":${canonicalValue(value)}`;
    first = false;
  }
  const [beforeTime, beforePrevious, beforeSequence] = parts;
  return [beforeTime, beforePrevious, beforeSequence, `${text}}`];
}

/**
 * RFC 8785 for the plain JSON values a row holds (what JSON.parse gives), a few times faster
 * than the general `canonicalJson`, which anything else (a Date, a class) falls back to. A
 * unit test holds the two to the same output.
 */
function canonicalValue(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return canonicalString(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('JSON has no NaN or Infinity');
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        return `[${value.map((item) => (item === undefined ? 'null' : canonicalValue(item))).join(',')}]`;
      }
      const prototype: unknown = Object.getPrototypeOf(value);
      if (prototype !== Object.prototype && prototype !== null) return canonicalJson(value);
      const record = value as Record<string, unknown>;
      let text = '';
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        text += `${text === '' ? '' : ','}${canonicalString(key)}:${canonicalValue(item)}`;
      }
      return `{${text}}`;
    }
    default:
      return canonicalJson(value);
  }
}

/** ES2024 `String#isWellFormed` (Node 20+); the compile target's library predates it. */
type WellFormedCheck = { isWellFormed(): boolean };

function canonicalString(value: string): string {
  if (!(value as unknown as WellFormedCheck).isWellFormed()) {
    throw new TypeError('a lone surrogate has no UTF-8 form');
  }
  return JSON.stringify(value);
}

/** SHA-256 (hex) over the canonical serialisation of the event and its `prevHash`. */
export function hashEvent(event: ChainedEvent): string {
  return createHash('sha256').update(serialiseEvent(event), 'utf8').digest('hex');
}
