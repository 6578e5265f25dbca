import { ApiProperty } from '@nestjs/swagger';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  COMMITMENT_KINDS,
  ESCALATION_LEVELS,
  PARTNER_ROLES,
  VERIFICATIONS,
} from '@app/tracking';
import { PARLIAMENT_STATUS_TERMS } from '../vocabularies';
import { ReportOrganisationRef, ReportTrackRef } from './report-summary.response';

/* The OpenAPI schema of a progress report's per-action rows and what they refer to. */

export class ReportCommitmentRef {
  @ApiProperty({ format: 'uuid', example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2' }) id!: string;
  @ApiProperty({ example: 'Beleidskader decentraal bestuur' }) title!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS, example: 'agenda_item' }) kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Kamerbrief Actieagenda Sterk Bestuur (35896-10)',
  })
  sourceReference!: string | null;
}

export class ReportPersonRef {
  @ApiProperty({ format: 'uuid', example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33' }) id!: string;
  @ApiProperty({ example: 'Jan de Vries' }) name!: string;
}

export class ReportPartner {
  @ApiProperty({ type: ReportOrganisationRef }) organisation!: ReportOrganisationRef;
  @ApiProperty({ enum: PARTNER_ROLES, example: 'co_owner' }) role!: string;
  @ApiProperty({
    enum: ['supports', 'concerns', 'objects'],
    nullable: true,
    type: String,
    example: 'concerns',
  })
  position!: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-07-15T13:04:22.000Z',
  })
  positionStatedAt!: string | null;
}

export class ReportNarrative {
  @ApiProperty({
    example: 'Het conceptkader is met VNG, IPO en UvW besproken; vaststelling in het BO.',
  })
  text!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-23T10:12:31.000Z' }) at!: string;
}

const FIELD_VALUE = {
  oneOf: [
    { type: 'string', nullable: true },
    { type: 'number' },
    { type: 'array', items: { type: 'string' } },
  ],
};

export class ReportFieldChangeResponse {
  @ApiProperty({ example: 'status' }) field!: string;
  // The values are those of the field (a string, number, list of strings or null): documented
  // as such, not as the `object` an `unknown` property would get, so that the examples hold.
  @ApiProperty({ ...FIELD_VALUE, description: 'The value at `since`.', example: 'not_started' })
  from!: unknown;
  @ApiProperty({ ...FIELD_VALUE, description: 'The value at `asOf`.', example: 'in_progress' })
  to!: unknown;
}

export class ReportChanges {
  @ApiProperty({ description: 'Created after `since`.', example: false }) created!: boolean;
  @ApiProperty({ type: [ReportFieldChangeResponse] }) fields!: ReportFieldChangeResponse[];
  @ApiProperty({ description: 'Progress updates by people in the period.', example: 2 })
  progressUpdates!: number;
}

export class ReportActionResponse {
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' }) id!: string;
  @ApiProperty({
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  title!: string;
  @ApiProperty({ type: ReportTrackRef, nullable: true }) track!: ReportTrackRef | null;
  @ApiProperty({ type: ReportCommitmentRef, nullable: true })
  commitment!: ReportCommitmentRef | null;
  @ApiProperty({
    type: ReportOrganisationRef,
    example: {
      id: '32f4863a-c117-4dd8-93d3-7b281d88bd9c',
      code: 'BZK',
      name: 'Ministerie van Binnenlandse Zaken en Koninkrijksrelaties',
    },
  })
  ownerOrganisation!: ReportOrganisationRef;
  @ApiProperty({ type: ReportPersonRef, nullable: true }) ownerUser!: ReportPersonRef | null;
  @ApiProperty({ type: [ReportPartner] }) partners!: ReportPartner[];
  @ApiProperty({ format: 'date', example: '2027-03-31' }) deadline!: string;
  @ApiProperty({ enum: ACTION_STATUSES, example: 'in_progress' }) status!: string;
  @ApiProperty({
    enum: [...PARLIAMENT_STATUS_TERMS],
    description:
      'The status in the vocabulary of the Tweede and Eerste Kamer for pledges (toezeggingen): ' +
      '`Openstaand` (not started, in progress), `Deels voldaan`, `Voldaan`, `Vervallen`.',
    example: 'Openstaand',
  })
  statusParliament!: string;
  @ApiProperty({ enum: ACTION_HEALTHS, example: 'at_risk' }) health!: string;
  @ApiProperty({ enum: VERIFICATIONS }) verification!: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 60 }) percentComplete!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'Weight in roll-ups; null: 1.',
    example: null,
  })
  rollupWeight!: number | null;
  @ApiProperty({ example: false }) overdue!: boolean;
  @ApiProperty({ enum: ESCALATION_LEVELS, nullable: true, type: String, example: 'administrative' })
  escalationLevel!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null }) closedAt!:
    string | null;
  @ApiProperty({ type: ReportNarrative, nullable: true }) latestNarrative!: ReportNarrative | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The latest progress update by a person.',
    example: '2026-06-23T10:12:31.000Z',
  })
  lastUpdateAt!: string | null;
  @ApiProperty({ type: ReportChanges, nullable: true, description: 'null without `since`.' })
  changesSince!: ReportChanges | null;
}
