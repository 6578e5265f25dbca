import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { IsOmittable } from '@app/core';
import { AUDIT_OPERATIONS, type AuditOperation } from '../../recording/audit-event.input';

/** The shape the database checks (ck_audit_events_entity_type). */
const ENTITY_TYPE = /^[a-z][a-z_]*$/;

/**
 * An instant: date, time and a time zone (Z or ±hh:mm), at most millisecond precision like
 * the events themselves, so that comparing two of them in JavaScript is exact.
 */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?(Z|[+-]\d{2}:\d{2})$/;
const INSTANT_MESSAGE = (name: string) =>
  `${name} must be an ISO 8601 date and time with a time zone, e.g. 2026-11-02T09:30:00Z`;

/** The filters of the audit log, shared by the list and the CSV export. */
export class AuditEventFiltersQuery {
  @ApiPropertyOptional({
    description: 'Events about this kind of thing, in lower snake case.',
    pattern: ENTITY_TYPE.source,
    maxLength: 40,
    example: 'programme_member',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(40)
  @Matches(ENTITY_TYPE, { message: 'entityType must be lower snake case, e.g. programme_member' })
  entityType?: string;

  @ApiPropertyOptional({
    description:
      'Events about the thing with this id, as recorded (usually a UUID). Best with `entityType`.',
    maxLength: 200,
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  entityId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Events done by this user or API token (`actor.id`).',
  })
  @IsOmittable()
  @IsUUID()
  actor?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      "Events done by people or API tokens of this organisation (`actor.organisationId`, the actor's organisation at the time).",
  })
  @IsOmittable()
  @IsUUID()
  organisation?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'Events inside this programme. Outside a platform administration, only a programme you coordinate: 404 when you are not a member, 403 when your role is lower.',
  })
  @IsOmittable()
  @IsUUID()
  programme?: string;

  @ApiPropertyOptional({ enum: AUDIT_OPERATIONS, enumName: 'AuditOperation' })
  @IsOmittable()
  @IsIn(AUDIT_OPERATIONS)
  operation?: AuditOperation;

  @ApiPropertyOptional({
    format: 'date-time',
    description: 'Events at or after this instant (inclusive). ISO 8601 with a time zone.',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOmittable()
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE('occurredFrom') })
  @IsISO8601({ strict: true }, { message: INSTANT_MESSAGE('occurredFrom') })
  occurredFrom?: string;

  @ApiPropertyOptional({
    format: 'date-time',
    description:
      'Events before this instant (exclusive), so that consecutive periods neither overlap nor leave a gap. ISO 8601 with a time zone; later than `occurredFrom`.',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOmittable()
  @IsString()
  @Matches(INSTANT, { message: INSTANT_MESSAGE('occurredTo') })
  @IsISO8601({ strict: true }, { message: INSTANT_MESSAGE('occurredTo') })
  occurredTo?: string;
}
