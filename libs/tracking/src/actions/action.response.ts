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
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' }) id!: string;
  @ApiProperty({ example: 'VNG' }) code!: string;
  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' }) name!: string;
}

export class ActionPartnerResponse {
  @ApiProperty({ type: OrganisationRef }) organisation!: OrganisationRef;
  @ApiProperty({ enum: [...PARTNER_ROLES], enumName: 'PartnerRole' }) role!: PartnerRole;
}

export class PartnerPositionResponse {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  organisationId!: string;
  @ApiProperty({
    enum: ['supports', 'concerns', 'objects'],
    enumName: 'PartnerPosition',
    example: 'concerns',
  })
  position!: 'supports' | 'concerns' | 'objects';
  @ApiProperty({ format: 'date-time', example: '2026-07-15T13:04:22.000Z' }) statedAt!: string;
}

export class ActionLinks {
  @ApiProperty({
    type: Link,
    example: { href: 'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' },
  })
  self!: Link;
  @ApiProperty({
    type: Link,
    example: {
      href: 'https://tracker.example.nl/v1/actions/1db9bc4f-a9c7-5dcc-86bc-b301fed52fee/progress-updates',
    },
  })
  progressUpdates!: Link;
}

export class ActionResponse {
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c',
  })
  trackId!: string | null;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2',
  })
  commitmentId!: string | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) parentActionId!:
    string | null;
  @ApiProperty({
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  title!: string;
  @ApiProperty({
    example:
      'Het beleidskader met toetsingsvragen voor taaktoedeling, samen met VNG, IPO en UvW, in samenhang met de UDO.',
  })
  description!: string;
  @ApiProperty({
    type: OrganisationRef,
    example: {
      id: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
      code: 'BZK',
      name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    },
  })
  ownerOrganisation!: OrganisationRef;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  ownerUserId!: string | null;
  @ApiProperty({ type: [ActionPartnerResponse] }) partners!: ActionPartnerResponse[];
  @ApiProperty({ type: String, format: 'date', nullable: true, example: '2026-01-15' }) startDate!:
    string | null;
  @ApiProperty({ type: String, format: 'date', example: '2027-03-31' }) deadline!: string;
  @ApiProperty({ enum: [...ACTION_STATUSES], enumName: 'ActionStatus', example: 'in_progress' })
  status!: ActionStatus;
  @ApiProperty({ enum: [...ACTION_HEALTHS], enumName: 'ActionHealth', example: 'at_risk' })
  health!: ActionHealth;
  @ApiProperty({ enum: [...VERIFICATIONS], enumName: 'Verification' }) verification!: Verification;
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 }) percentComplete!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 1000,
    description: 'Weight in the roll-ups of its commitment, track and parent; null: 1.',
    example: null,
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
    example: false,
  })
  overdue!: boolean;
  @ApiPropertyOptional({
    enum: [...ESCALATION_LEVELS],
    enumName: 'EscalationLevel',
    nullable: true,
    type: String,
    example: 'administrative',
  })
  escalationLevel!: EscalationLevel | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt!:
    string | null;
  @ApiProperty({ type: [String], example: ['beleidskader', 'taakverdeling'] }) tags!: string[];
  @ApiProperty({
    description:
      "Published in the programme's open data (`GET /v1/programmes/{id}/open-data`). Default false.",
    example: true,
  })
  public!: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The latest progress narrative.',
    example: 'Het conceptkader is met VNG, IPO en UvW besproken; vaststelling in het BO.',
  })
  latestNarrative!: string | null;
  @ApiProperty({
    type: [PartnerPositionResponse],
    description: 'The latest position each organisation stated in a comment.',
  })
  positions!: PartnerPositionResponse[];
  @ApiProperty({ description: 'Moves forward with every change; the ETag.', example: 7 })
  version!: number;
  @ApiProperty({ format: 'date-time', example: '2026-01-15T09:30:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', example: '2026-11-24T10:12:31.000Z' }) updatedAt!: string;
  @ApiProperty({ type: ActionLinks }) _links!: ActionLinks;
}

/** An action as the libs answer it: the response without its `_links`, which the API adds. */
export type ActionBody = Omit<ActionResponse, '_links'>;
