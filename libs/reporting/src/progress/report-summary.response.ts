import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  COMMITMENT_KINDS,
  ESCALATION_FILTER_VALUES,
  RollupResponse,
  VERIFICATIONS,
} from '@app/tracking';
import { PARLIAMENT_STATUS_TERMS } from '../vocabularies';
import { REPORT_LANGUAGES } from './progress-report.model';

/*
 * The OpenAPI schema of a progress report's summary document: its header (programme, moment,
 * period, filters) and its counts, with the organisation and track references the action rows
 * share.
 */

const counts = (keys: readonly string[], description: string, example: Record<string, number>) => ({
  type: 'object' as const,
  additionalProperties: { type: 'integer', minimum: 0 },
  description: `${description} Keys: ${keys.join(', ')}.`,
  example,
});

export class ReportOrganisationRef {
  @ApiProperty({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' }) id!: string;
  @ApiProperty({ example: 'VNG' }) code!: string;
  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' }) name!: string;
}

export class ReportTrackRef {
  @ApiProperty({ format: 'uuid', example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c' }) id!: string;
  @ApiProperty({ example: 'Een passende verdeling van taken en bevoegdheden tussen overheden' })
  name!: string;
}

export class ReportPeriod {
  @ApiProperty({ format: 'date-time', example: '2025-12-31T23:00:00.000Z' }) from!: string;
  @ApiProperty({ format: 'date-time', example: '2026-06-30T22:00:00.000Z' }) to!: string;
}

export class ReportFiltersResponse {
  @ApiPropertyOptional({ format: 'uuid', example: '9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c' })
  track?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_KINDS }) commitmentKind?: string;
  @ApiPropertyOptional({ format: 'uuid', example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c' })
  ownerOrganisation?: string;
  @ApiPropertyOptional({ format: 'uuid', example: '7d6c5b4a-3e2f-4a1b-9c8d-7e6f5a4b3c2d' })
  partnerOrganisation?: string;
  @ApiPropertyOptional({ enum: ACTION_STATUSES, isArray: true }) status?: string[];
  @ApiPropertyOptional({ enum: ACTION_HEALTHS, isArray: true }) health?: string[];
  @ApiPropertyOptional({ enum: ESCALATION_FILTER_VALUES, isArray: true })
  escalationLevel?: string[];
  @ApiPropertyOptional({ example: false }) overdue?: boolean;
}

export class StatusHealthCount {
  @ApiProperty({ enum: ACTION_STATUSES, example: 'in_progress' }) status!: string;
  @ApiProperty({ enum: ACTION_HEALTHS, example: 'on_track' }) health!: string;
  @ApiProperty({ minimum: 1, example: 22 }) count!: number;
}

export class TrackCountResponse {
  @ApiProperty({
    type: ReportTrackRef,
    nullable: true,
    description: 'null: actions without a track.',
  })
  track!: ReportTrackRef | null;
  @ApiProperty({ example: 14 }) total!: number;
  @ApiProperty({ example: 11 }) open!: number;
  @ApiProperty({ example: 2 }) overdue!: number;
  @ApiProperty(
    counts(ACTION_STATUSES, 'Actions per status.', {
      not_started: 1,
      in_progress: 10,
      met: 2,
      partially_met: 1,
      lapsed: 0,
    }),
  )
  byStatus!: Record<string, number>;
  @ApiProperty({
    type: RollupResponse,
    description: "The track's roll-up over the report's actions (its filters apply).",
  })
  rollup!: RollupResponse;
}

export class ReportCommitmentName {
  @ApiProperty({ format: 'uuid', example: 'de2f9dcf-c5cb-57f8-9c04-1e6b7ce1a7d2' }) id!: string;
  @ApiProperty({ example: 'Beleidskader decentraal bestuur' }) title!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS, example: 'agenda_item' }) kind!: string;
}

export class CommitmentRollupResponse {
  @ApiProperty({
    type: ReportCommitmentName,
    nullable: true,
    description: 'null: the actions without a commitment.',
  })
  commitment!: ReportCommitmentName | null;
  @ApiProperty({ type: RollupResponse }) rollup!: RollupResponse;
}

export class KindCount {
  @ApiProperty({
    enum: COMMITMENT_KINDS,
    nullable: true,
    type: String,
    description: 'null: actions without a commitment.',
    example: 'agenda_item',
  })
  kind!: string | null;
  @ApiProperty({ example: 17 }) count!: number;
}

export class OwnerCount {
  @ApiProperty({ type: ReportOrganisationRef }) organisation!: ReportOrganisationRef;
  @ApiProperty({ example: 19 }) count!: number;
  @ApiProperty({ example: 15 }) open!: number;
  @ApiProperty({ example: 2 }) overdue!: number;
}

export class UpdatedShare {
  @ApiProperty({ description: 'Open actions.', example: 38 }) open!: number;
  @ApiProperty({
    description: 'Of those, updated by a person in the 30 days before the report day.',
    example: 29,
  })
  updated!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'updated / open (0–1, 3 decimals); null without open actions.',
    example: 0.763,
  })
  share!: number | null;
}

export class ReportSummaryResponse {
  @ApiProperty({ example: 52 }) total!: number;
  @ApiProperty({ example: 38 }) open!: number;
  @ApiProperty({ example: 14 }) closed!: number;
  @ApiProperty(
    counts(ACTION_STATUSES, 'Actions per status.', {
      not_started: 4,
      in_progress: 34,
      met: 10,
      partially_met: 3,
      lapsed: 1,
    }),
  )
  byStatus!: Record<string, number>;
  @ApiProperty(
    counts(
      PARLIAMENT_STATUS_TERMS,
      'The same actions per status in the vocabulary of the Tweede and Eerste Kamer for ' +
        'pledges (toezeggingen): not started and in progress are both Openstaand.',
      { Openstaand: 38, 'Deels voldaan': 3, Voldaan: 10, Vervallen: 1 },
    ),
  )
  byStatusParliament!: Record<string, number>;
  @ApiProperty(
    counts(ACTION_HEALTHS, 'Open actions per health.', {
      not_set: 3,
      on_track: 22,
      at_risk: 9,
      off_track: 4,
    }),
  )
  byHealth!: Record<string, number>;
  @ApiProperty({
    type: [StatusHealthCount],
    description: 'Every status × health cell that has actions.',
  })
  byStatusAndHealth!: StatusHealthCount[];
  @ApiProperty({
    type: [TrackCountResponse],
    description: "In the programme's track order; no track last.",
  })
  byTrack!: TrackCountResponse[];
  @ApiProperty({ type: [KindCount] }) byCommitmentKind!: KindCount[];
  @ApiProperty({
    type: [CommitmentRollupResponse],
    description:
      "Per commitment with actions in the report, its roll-up over the report's actions; by " +
      'title, the actions without a commitment last.',
  })
  byCommitment!: CommitmentRollupResponse[];
  @ApiProperty({ type: [OwnerCount], description: 'By owner organisation (trekker), by code.' })
  byOwnerOrganisation!: OwnerCount[];
  @ApiProperty(
    counts(VERIFICATIONS, 'Actions per verification.', {
      self_reported: 40,
      partner_reviewed: 8,
      verified: 4,
    }),
  )
  byVerification!: Record<string, number>;
  @ApiProperty(
    counts(
      ESCALATION_FILTER_VALUES,
      'Open actions per level of the escalation ladder; `none`: not escalated. The list behind ' +
        'a figure: `GET /v1/actions?escalationLevel={key}&status=not_started,in_progress`.',
      { none: 34, official: 2, administrative: 2, overhedenoverleg: 0 },
    ),
  )
  byEscalationLevel!: Record<string, number>;
  @ApiProperty({ description: 'Open with a deadline before the report day.', example: 5 })
  overdue!: number;
  @ApiProperty({ description: 'Closed as met or partially met within the period.', example: 6 })
  completedInPeriod!: number;
  @ApiProperty({
    description: 'Open with a deadline from the report day through 30 days later.',
    example: 3,
  })
  deadlinesNext30Days!: number;
  @ApiProperty({
    description: 'Open with a deadline from the report day through 90 days later.',
    example: 8,
  })
  deadlinesNext90Days!: number;
  @ApiProperty({ type: UpdatedShare }) openUpdatedLast30Days!: UpdatedShare;
}

export class ReportProgrammeRef {
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' }) id!: string;
  @ApiProperty({ example: 'Actieagenda Sterk Bestuur' }) name!: string;
}

export class ReportLinks {
  @ApiProperty({
    type: Link,
    example: {
      href: 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/reports/progress?asOf=2026-06-30&since=2026-01-01',
    },
  })
  self!: Link;
}

export class ReportSummaryDocument {
  @ApiProperty({ type: ReportProgrammeRef }) programme!: ReportProgrammeRef;
  @ApiProperty({
    format: 'date-time',
    description: 'The moment the report describes.',
    example: '2026-06-30T22:00:00.000Z',
  })
  asOf!: string;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2025-12-31T23:00:00.000Z',
  })
  since!: string | null;
  @ApiProperty({ type: ReportPeriod, description: 'The period of completedInPeriod.' })
  period!: ReportPeriod;
  @ApiProperty({
    format: 'date',
    description: 'The report day in Europe/Amsterdam.',
    example: '2026-06-30',
  })
  reportDate!: string;
  @ApiProperty({ format: 'date-time', example: '2026-07-01T06:12:44.000Z' }) generatedAt!: string;
  @ApiProperty({ type: ReportFiltersResponse, example: {} }) filters!: ReportFiltersResponse;
  @ApiProperty({ enum: REPORT_LANGUAGES }) lang!: string;
  @ApiProperty({ type: ReportSummaryResponse }) summary!: ReportSummaryResponse;
  @ApiProperty({ type: ReportLinks }) _links!: ReportLinks;
}
