import { Check, Column, Entity, Index, PrimaryColumn, Unique } from 'typeorm';
import type { ActorType } from '../recording/audit-context';
import type { AuditResult } from '../recording/audit-event.input';
import type { AuditChanges } from '../recording/changes';

/**
 * An audit event as stored, for reading. Events are written only by AuditService (raw SQL
 * under the chain-head lock) and the database refuses UPDATE and DELETE, so this entity is
 * never saved. Indexes and constraints as in migration 1795417200000: one index per filter of
 * the list, each ending in the sequence, its order.
 */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_entity', ['entityType', 'entityId', 'sequence'])
@Index('ix_audit_events_actor', ['actorId', 'sequence'])
@Index('ix_audit_events_organisation', ['actorOrganisationId', 'sequence'])
@Index('ix_audit_events_programme', ['programmeId', 'sequence'])
@Index('ix_audit_events_operation', ['operation', 'sequence'])
@Index('ix_audit_events_occurred_at', ['occurredAt', 'sequence'])
@Unique('uq_audit_events_prev_hash', ['prevHash'])
@Check('ck_audit_events_sequence', `"sequence" >= 1`)
@Check('ck_audit_events_actor_type', `"actor_type" IN ('user', 'api_token', 'system', 'anonymous')`)
@Check('ck_audit_events_result', `"result" IN ('success', 'failure', 'denied')`)
@Check('ck_audit_events_operation', `"operation" ~ '^[a-z][a-z_]*$'`)
@Check('ck_audit_events_entity_type', `"entity_type" ~ '^[a-z][a-z_]*$'`)
@Check('ck_audit_events_changes_object', `"changes" IS NULL OR jsonb_typeof("changes") = 'object'`)
@Check('ck_audit_events_details_object', `"details" IS NULL OR jsonb_typeof("details") = 'object'`)
export class AuditEventEntity {
  /** PostgreSQL bigint: a decimal string. */
  @PrimaryColumn({ type: 'bigint', primaryKeyConstraintName: 'pk_audit_events' })
  sequence!: string;

  @Column({ name: 'occurred_at', type: 'timestamptz' })
  occurredAt!: Date;

  @Column({ name: 'actor_type', type: 'varchar', length: 20 })
  actorType!: ActorType;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId!: string | null;

  @Column({ name: 'actor_organisation_id', type: 'uuid', nullable: true })
  actorOrganisationId!: string | null;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress!: string | null;

  @Column({ name: 'user_agent', type: 'varchar', length: 256, nullable: true })
  userAgent!: string | null;

  @Column({ name: 'request_id', type: 'varchar', length: 128, nullable: true })
  requestId!: string | null;

  @Column({ name: 'trace_id', type: 'char', length: 32, nullable: true })
  traceId!: string | null;

  @Column({ type: 'varchar', length: 40 })
  operation!: string;

  @Column({ type: 'varchar', length: 10 })
  result!: AuditResult;

  @Column({ name: 'entity_type', type: 'varchar', length: 40 })
  entityType!: string;

  @Column({ name: 'entity_id', type: 'varchar', length: 200, nullable: true })
  entityId!: string | null;

  @Column({ name: 'programme_id', type: 'uuid', nullable: true })
  programmeId!: string | null;

  @Column({ type: 'jsonb', nullable: true })
  changes!: AuditChanges | null;

  @Column({ type: 'jsonb', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash!: string;

  @Column({ type: 'char', length: 64 })
  hash!: string;
}
