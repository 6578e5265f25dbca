import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionHealth,
  type ActionStatus,
  ESCALATION_LEVELS,
  type EscalationLevel,
  PARTNER_ROLES,
  type PartnerRole,
  VERIFICATIONS,
  type Verification,
} from './action-states';
import { RollupResponse } from '../rollups/rollup.response';

export class OrganisationRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VNG' }) code!: string;
  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' }) name!: string;
}

export class ActionPartnerResponse {
  @ApiProperty({ type: OrganisationRef }) organisation!: OrganisationRef;
  @ApiProperty({ enum: [...PARTNER_ROLES], enumName: 'PartnerRole' }) role!: PartnerRole;
}

export class PartnerPositionResponse {
  @ApiProperty({ format: 'uuid' }) organisationId!: string;
  @ApiProperty({ enum: ['supports', 'concerns', 'objects'], enumName: 'PartnerPosition' })
  position!: 'supports' | 'concerns' | 'objects';
  @ApiProperty({ format: 'date-time' }) statedAt!: string;
}

export class ActionLinks {
  @ApiProperty({ type: Link }) self!: Link;
  @ApiProperty({ type: Link }) progressUpdates!: Link;
}

export class ActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) trackId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) commitmentId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) parentActionId!: string | null;
  @ApiProperty() title!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ type: OrganisationRef }) ownerOrganisation!: OrganisationRef;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ownerUserId!: string | null;
  @ApiProperty({ type: [ActionPartnerResponse] }) partners!: ActionPartnerResponse[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date' }) deadline!: string;
  @ApiProperty({ enum: [...ACTION_STATUSES], enumName: 'ActionStatus' }) status!: ActionStatus;
  @ApiProperty({ enum: [...ACTION_HEALTHS], enumName: 'ActionHealth' }) health!: ActionHealth;
  @ApiProperty({ enum: [...VERIFICATIONS], enumName: 'Verification' }) verification!: Verification;
  @ApiProperty({ minimum: 0, maximum: 100 }) percentComplete!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 1000,
    description: 'Weight in the roll-ups of its commitment, track and parent; null: 1.',
  })
  rollupWeight!: number | null;
  @ApiProperty({
    type: RollupResponse,
    nullable: true,
    description: 'Of an action with sub-actions, the roll-up of its sub-actions; else null.',
  })
  rollup!: RollupResponse | null;
  @ApiProperty({
    description: 'Deadline passed (Europe/Amsterdam) and not closed. Derived, never stored.',
  })
  overdue!: boolean;
  @ApiPropertyOptional({
    enum: [...ESCALATION_LEVELS],
    enumName: 'EscalationLevel',
    nullable: true,
    type: String,
  })
  escalationLevel!: EscalationLevel | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({
    description:
      "Published in the programme's open data (`GET /v1/programmes/{id}/open-data`). Default false.",
  })
  public!: boolean;
  @ApiProperty({ type: String, nullable: true, description: 'The latest progress narrative.' })
  latestNarrative!: string | null;
  @ApiProperty({
    type: [PartnerPositionResponse],
    description: 'The latest position each organisation stated in a comment.',
  })
  positions!: PartnerPositionResponse[];
  @ApiProperty({ description: 'Moves forward with every change; the ETag.' }) version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: ActionLinks }) _links!: ActionLinks;
}
