import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Clock } from '@app/core';
import { type ChainedEvent, hashEvent } from '../chain/audit-chain';
import { AuditContext } from './audit-context';
import type { AuditEventInput } from './audit-event.input';
import { redactSecrets } from './redaction';

const COLUMNS = [
  'sequence',
  'occurred_at',
  'actor_type',
  'actor_id',
  'actor_organisation_id',
  'client_address',
  'user_agent',
  'request_id',
  'trace_id',
  'operation',
  'result',
  'entity_type',
  'entity_id',
  'programme_id',
  'changes',
  'details',
  'prev_hash',
  'hash',
] as const;

/** PostgreSQL takes at most 65,535 parameters per statement. */
const ROWS_PER_STATEMENT = Math.floor(60_000 / COLUMNS.length);

const PLACEHOLDERS = (row: number) =>
  `(${COLUMNS.map((column, i) => {
    const n = row * COLUMNS.length + i + 1;
    return column === 'changes' || column === 'details' ? `$${n}::jsonb` : `$${n}`;
  }).join(', ')})`;

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
 * Records audit events in the caller's transaction, chained by hash (DESIGN §5).
 *
 * Writers serialise on the one chain-head row: the event takes the next sequence number and
 * the previous hash under that row's lock, which is held until the transaction ends. So the
 * chain cannot fork or skip a number, and an event that rolls back leaves no trace (README
 * "Audit log" has the measurement behind this choice). Record events as the last writes of
 * a transaction: the head lock is then held only for the commit.
 */
@Injectable()
export class AuditService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
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
    if (events.length === 0) return [];
    const head = await manager.query<{ sequence: string; hash: string }[]>(
      'SELECT "sequence", "hash" FROM "audit_chain_head" WHERE "id" FOR UPDATE',
    );
    if (head.length !== 1) throw new Error('the audit chain head is missing');
    let sequence = BigInt(head[0].sequence);
    let prevHash = head[0].hash;
    const occurredAt = this.clock.now().toISOString();
    const { actor: contextActor, origin } = AuditContext.current();

    const chained: ChainedEvent[] = events.map((event) => {
      sequence += 1n;
      const actor = event.actor ?? contextActor;
      const link: ChainedEvent = {
        sequence: sequence.toString(),
        occurredAt,
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
        details: event.details === undefined ? null : redactSecrets(event.details),
        prevHash,
      };
      prevHash = hashEvent(link);
      return Object.assign(link, { hash: prevHash });
    });

    for (let start = 0; start < chained.length; start += ROWS_PER_STATEMENT) {
      const rows = chained.slice(start, start + ROWS_PER_STATEMENT);
      const last = rows[rows.length - 1] as ChainedEvent & { hash: string };
      const parameters = rows.flatMap((row) =>
        rowParameters(row as ChainedEvent & { hash: string }),
      );
      const next = parameters.length;
      await manager.query(
        `WITH "appended" AS (
           INSERT INTO "audit_events" (${COLUMNS.map((c) => `"${c}"`).join(', ')})
           VALUES ${rows.map((_, i) => PLACEHOLDERS(i)).join(', ')}
         )
         UPDATE "audit_chain_head" SET "sequence" = $${next + 1}, "hash" = $${next + 2} WHERE "id"`,
        [...parameters, last.sequence, last.hash],
      );
    }
    return chained.map((event) => event.sequence);
  }

  /**
   * Records an event that has no business transaction of its own (a failed log-in, a denied
   * request) in a transaction of its own.
   */
  async recordAlone(event: AuditEventInput): Promise<string> {
    return this.dataSource.transaction((manager) => this.record(manager, event));
  }
}

function rowParameters(event: ChainedEvent & { hash: string }): unknown[] {
  return [
    event.sequence,
    event.occurredAt,
    event.actorType,
    event.actorId,
    event.actorOrganisationId,
    event.clientAddress,
    event.userAgent,
    event.requestId,
    event.traceId,
    event.operation,
    event.result,
    event.entityType,
    event.entityId,
    event.programmeId,
    event.changes === null ? null : JSON.stringify(event.changes),
    event.details === null ? null : JSON.stringify(event.details),
    event.prevHash,
    event.hash,
  ];
}
