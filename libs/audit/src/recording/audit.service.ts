import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Clock, identifier, queryPreparedIn, StatementParameters, Transactions } from '@app/core';
import { serialiseEventParts, type UnchainedEvent } from '../chain/audit-chain';
import { AuditContext } from './audit-context';
import type { AuditEventInput } from './audit-event.input';
import { redactSecrets } from './redaction';

/** The columns of an event the application fills; the chain fills the other four. */
const DATA_COLUMNS = [
  ['actor_type', 'text'],
  ['actor_id', 'uuid'],
  ['actor_organisation_id', 'uuid'],
  ['client_address', 'text'],
  ['user_agent', 'text'],
  ['request_id', 'text'],
  ['trace_id', 'text'],
  ['operation', 'text'],
  ['result', 'text'],
  ['entity_type', 'text'],
  ['entity_id', 'text'],
  ['programme_id', 'uuid'],
  ['changes', 'jsonb'],
  ['details', 'jsonb'],
] as const;

const names = (prefix: string) => DATA_COLUMNS.map(([column]) => `${prefix}"${column}"`).join(', ');

/** Events per statement: bounds the size of one statement's parameters. */
const EVENTS_PER_STATEMENT = 1000;

const cut = (value: string | null, length: number) =>
  value === null ? null : value.slice(0, length);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A uuid as PostgreSQL gives it back (lower case), so that the hash is taken over what the
 * row will hold: a capitalised id from a URL would otherwise verify as an altered event.
 */
function uuid(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const normal = value.toLowerCase();
  if (!UUID.test(normal)) throw new Error(`audit event ${field} is not a uuid`);
  return normal;
}

/**
 * Records audit events, chained by hash (DESIGN §5), in the statement that inserts them.
 *
 * Writers serialise on the one chain-head row: `audit_chain_advance` (a database function)
 * locks it, fixes the time (the Clock's, but never before the previous event's), gives each
 * event the next sequence number and the previous hash, hashes it and moves the head,
 * inside the INSERT. The application sends each event's
 * canonical JSON split around those three values (`serialiseEventParts`), so taking the
 * next link costs no round trip; the lock is then held until the transaction ends (over
 * its COMMIT round trip, in a transaction of several statements). So the chain cannot fork
 * or skip a number, times follow sequence numbers, and an event that rolls back leaves no
 * trace (README "Audit log" has the measurement behind this choice). Record events as the
 * last writes of a transaction, or as part of the one statement that makes the change
 * (`appendSql`), where the lock is held inside the database only.
 */
@Injectable()
export class AuditService {
  constructor(
    private readonly transactions: Transactions,
    private readonly clock: Clock,
  ) {}

  /** Records one event in the transaction of `manager`; answers its sequence number. */
  async record(manager: EntityManager, event: AuditEventInput): Promise<string> {
    const [sequence] = await this.recordMany(manager, [event]);
    return sequence;
  }

  /** Records events in order, in the transaction of `manager`; answers their sequence numbers. */
  async recordMany(manager: EntityManager, events: readonly AuditEventInput[]): Promise<string[]> {
    if (!manager.queryRunner?.isTransactionActive) {
      // A programming error: an event outside the change's transaction could outlive a rollback.
      throw new Error('AuditService.record must be called inside a transaction');
    }
    const sequences: string[] = [];
    for (let start = 0; start < events.length; start += EVENTS_PER_STATEMENT) {
      const parameters = new StatementParameters();
      const batch = events.slice(start, start + EVENTS_PER_STATEMENT);
      const sql = this.appendSql(parameters, batch);
      // One event, as every change records, is a prepared statement (parsed and planned once
      // per connection); the texts of other counts are too many to keep prepared.
      const text = `${sql} RETURNING "sequence"`;
      const rows =
        batch.length === 1
          ? await queryPreparedIn<{ sequence: string }>(manager, text, parameters.values)
          : await manager.query<{ sequence: string }[]>(text, [...parameters.values]);
      if (rows.length !== batch.length) {
        // The head moved by one per event: fewer rows would commit a gap. Roll back.
        throw new Error(`audit: ${rows.length} of ${batch.length} events were inserted`);
      }
      sequences.push(
        ...rows.map((row) => row.sequence).sort((a, b) => Number(BigInt(a) - BigInt(b))),
      );
    }
    return sequences;
  }

  /**
   * Records an event that has no business transaction of its own (a failed log-in, a denied
   * request) in a transaction of its own.
   */
  async recordAlone(event: AuditEventInput): Promise<string> {
    return this.transactions.run((manager) => this.record(manager, event));
  }

  /**
   * An INSERT of `events`, chained in order, for a statement that makes a change in one go
   * (as a data-modifying CTE): with `gate`, the name of a CTE of that statement, the events
   * are recorded, and the chain locked, only when `gate` yields a row (the change happened).
   * Actor and origin come from the AuditContext, as for `record`.
   */
  appendSql(
    parameters: StatementParameters,
    events: readonly AuditEventInput[],
    gate?: string,
  ): string {
    const { actor: contextActor, origin, details: contextDetails } = AuditContext.current();
    const parts: [string[], string[], string[], string[]] = [[], [], [], []];
    const rows = events.map((event) => {
      const actor = event.actor ?? contextActor;
      const unchained: UnchainedEvent = {
        actorType: actor.type,
        actorId: uuid(actor.id, 'actorId'),
        actorOrganisationId: uuid(actor.organisationId, 'actorOrganisationId'),
        clientAddress: cut(origin.clientAddress, 64),
        userAgent: cut(origin.userAgent, 256),
        requestId: origin.requestId,
        traceId: origin.traceId,
        operation: event.operation,
        result: event.result ?? 'success',
        entityType: event.entityType,
        entityId: cut(event.entityId ?? null, 200),
        programmeId: uuid(event.programmeId, 'programmeId'),
        changes: event.changes === undefined ? null : redactSecrets(event.changes),
        details: detailsOf(contextDetails, event.details),
      };
      serialiseEventParts(unchained).forEach((part, i) => parts[i].push(part));
      return columnValues(unchained);
    });
    const [first, ...others] = parts.map((list) => parameters.add(list, 'text[]'));
    // Gated: a NULL when the change did not happen, and the STRICT function does nothing.
    const chain = `"audit_chain_advance"(${
      gate ? `(SELECT ${first} FROM ${identifier(gate)} LIMIT 1)` : first
    }, ${others.join(', ')}, ${parameters.add(this.clock.now().toISOString(), 'timestamptz')})`;
    const definitions = DATA_COLUMNS.map(([column, type]) => `"${column}" ${type}`).join(', ');
    return `INSERT INTO "audit_events"
        ("sequence", "occurred_at", ${names('')}, "prev_hash", "hash")
      SELECT c.event_sequence, c.event_occurred_at, ${names('e.')}, c.event_prev_hash,
             c.event_hash
        FROM ${chain} c
        JOIN ROWS FROM (jsonb_to_recordset(${parameters.add(JSON.stringify(rows), 'jsonb')})
                        AS (${definitions}))
             WITH ORDINALITY AS e(${names('')}, "n")
          ON e."n" = c.event_index`;
  }
}

/** The event's own details, after those of its context; null when there are none. */
function detailsOf(
  context: Readonly<Record<string, unknown>> | undefined,
  own: Record<string, unknown> | undefined,
): Record<string, unknown> | null {
  if (context === undefined && own === undefined) return null;
  return redactSecrets({ ...context, ...own });
}

/** An event's columns by name, NULLs left out (jsonb_to_recordset reads them as NULL). */
function columnValues(event: UnchainedEvent): Record<string, unknown> {
  const values: Record<string, unknown> = {
    actor_type: event.actorType,
    actor_id: event.actorId,
    actor_organisation_id: event.actorOrganisationId,
    client_address: event.clientAddress,
    user_agent: event.userAgent,
    request_id: event.requestId,
    trace_id: event.traceId,
    operation: event.operation,
    result: event.result,
    entity_type: event.entityType,
    entity_id: event.entityId,
    programme_id: event.programmeId,
    changes: event.changes,
    details: event.details,
  };
  for (const key of Object.keys(values)) if (values[key] === null) delete values[key];
  return values;
}
