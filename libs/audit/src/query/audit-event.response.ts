import { ApiProperty } from '@nestjs/swagger';
import { ACTOR_TYPES, type ActorType } from '../recording/audit-context';
import { AUDIT_RESULTS, type AuditResult } from '../recording/audit-event.input';
import type { AuditChanges } from '../recording/changes';
import type { AuditEventEntity } from './audit-event.entity';

export class AuditActorResponse {
  @ApiProperty({ enum: ACTOR_TYPES, enumName: 'AuditActorType', example: 'user' })
  type!: ActorType;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The user or API token; null for `system` and `anonymous`.',
    example: '201fdcf1-330e-47bc-8838-b0f625447b80',
  })
  id!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: "The actor's organisation at the time.",
    example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
  })
  organisationId!: string | null;
}

/** Where the request came from; null outside a request (jobs, seeds). */
export class AuditOriginResponse {
  @ApiProperty({ type: String, nullable: true, example: '192.0.2.10' })
  clientAddress!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'Mozilla/5.0' })
  userAgent!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The X-Request-ID of the request.',
    example: '782c5b05-c42f-4f1d-a001-45a6ab2e4b1a',
  })
  requestId!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The W3C trace id, when the caller sent a `traceparent` header.',
    example: '4bf92f3577b34da6a3ce929d0e0e4736',
  })
  traceId!: string | null;
}

export class AuditEventResponse {
  @ApiProperty({
    type: 'integer',
    format: 'int64',
    description: 'Position in the log: gapless, ascending in the order of recording.',
    example: 1024,
  })
  sequence!: number;

  @ApiProperty({ format: 'date-time', example: '2026-11-02T09:30:00.000Z' })
  occurredAt!: string;

  @ApiProperty({ type: AuditActorResponse })
  actor!: AuditActorResponse;

  @ApiProperty({ type: AuditOriginResponse })
  origin!: AuditOriginResponse;

  @ApiProperty({
    description: 'What was done; one of AuditOperation, or an operation since retired.',
    example: 'update',
  })
  operation!: string;

  @ApiProperty({ enum: AUDIT_RESULTS, enumName: 'AuditResult', example: 'success' })
  result!: AuditResult;

  @ApiProperty({ description: 'The kind of thing, in lower snake case.', example: 'programme' })
  entityType!: string;

  @ApiProperty({ type: String, nullable: true, example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  entityId!: string | null;

  @ApiProperty({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'The programme the event belongs to; null outside programmes (e.g. log-ins).',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  programmeId!: string | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: {
      type: 'object',
      properties: { old: { description: 'Before.' }, new: { description: 'After.' } },
    },
    nullable: true,
    description: 'The changed fields, old and new value per field; secrets are redacted.',
    example: { name: { old: 'Actieagenda', new: 'Actieagenda Sterk Bestuur' } },
  })
  changes!: AuditChanges | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'Anything else on record, e.g. the reason of a failure; secrets are redacted.',
    example: { reason: 'invalid_credentials' },
  })
  details!: Record<string, unknown> | null;

  @ApiProperty({
    description: 'SHA-256 (hex) of the event before; 64 zeros for the first.',
    example: '3b5f0c7a9e2d41f68a0b7c3e5d9f1a2b4c6e8d0f2a4b6c8e0d1f3a5b7c9e1d2f',
  })
  prevHash!: string;

  @ApiProperty({
    description: 'SHA-256 (hex) over this event and `prevHash` (README "Audit log").',
    example: 'a41c9e7d2b6f3058e1c4a7d9b2f5e8c1d3a6b9f2e5c8d1a4b7e0f3c6d9a2b5e8',
  })
  hash!: string;
}

/**
 * What leaves the API about an event. Sequences are JSON integers: exact up to 2^53, which
 * the log would reach after 285 years at a million events a second.
 */
export function mapAuditEvent(event: AuditEventEntity): AuditEventResponse {
  return {
    sequence: Number(event.sequence),
    occurredAt: event.occurredAt.toISOString(),
    actor: {
      type: event.actorType,
      id: event.actorId,
      organisationId: event.actorOrganisationId,
    },
    origin: {
      clientAddress: event.clientAddress,
      userAgent: event.userAgent,
      requestId: event.requestId,
      traceId: event.traceId,
    },
    operation: event.operation,
    result: event.result,
    entityType: event.entityType,
    entityId: event.entityId,
    programmeId: event.programmeId,
    changes: event.changes,
    details: event.details,
    prevHash: event.prevHash,
    hash: event.hash,
  };
}
