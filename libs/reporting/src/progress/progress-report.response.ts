import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  COMMITMENT_KINDS,
  ESCALATION_FILTER_VALUES,
  ESCALATION_LEVELS,
  PARTNER_ROLES,
  RollupResponse,
  VERIFICATIONS,
} from '@app/tracking';
import { REPORT_LANGUAGES } from './progress-report.model';

/*
 * The OpenAPI schema of a progress report in JSON (the model is progress-report.model.ts;
 * these classes only document it).
 */

const counts = (keys: readonly string[], description: string) => ({
  type: 'object' as const,
  additionalProperties: { type: 'integer', minimum: 0 },
  description: `${description} Keys: ${keys.join(', ')}.`,
});

export class ReportOrganisationRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'VNG' }) code!: string;
  @ApiProperty({ example: 'Vereniging van Nederlandse Gemeenten' }) name!: string;
}

export class ReportTrackRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReportPeriod {
  @ApiProperty({ format: 'date-time' }) from!: string;
  @ApiProperty({ format: 'date-time' }) to!: string;
}

export class ReportFiltersResponse {
  @ApiPropertyOptional({ format: 'uuid' }) track?: string;
  @ApiPropertyOptional({ enum: COMMITMENT_KINDS }) commitmentKind?: string;
  @ApiPropertyOptional({ format: 'uuid' }) ownerOrganisation?: string;
  @ApiPropertyOptional({ format: 'uuid' }) partnerOrganisation?: string;
  @ApiPropertyOptional({ enum: ACTION_STATUSES, isArray: true }) status?: string[];
  @ApiPropertyOptional({ enum: ACTION_HEALTHS, isArray: true }) health?: string[];
  @ApiPropertyOptional({ enum: ESCALATION_FILTER_VALUES, isArray: true })
  escalationLevel?: string[];
  @ApiPropertyOptional() overdue?: boolean;
}

export class StatusHealthCount {
  @ApiProperty({ enum: ACTION_STATUSES }) status!: string;
  @ApiProperty({ enum: ACTION_HEALTHS }) health!: string;
  @ApiProperty({ minimum: 1 }) count!: number;
}

export class TrackCountResponse {
  @ApiProperty({
    type: ReportTrackRef,
    nullable: true,
    description: 'null: actions without a track.',
  })
  track!: ReportTrackRef | null;
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
  @ApiProperty(counts(ACTION_STATUSES, 'Actions per status.')) byStatus!: Record<string, number>;
  @ApiProperty({
    type: RollupResponse,
    description: "The track's roll-up over the report's actions (its filters apply).",
  })
  rollup!: RollupResponse;
}

export class ReportCommitmentName {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) kind!: string;
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
  })
  kind!: string | null;
  @ApiProperty() count!: number;
}

export class OwnerCount {
  @ApiProperty({ type: ReportOrganisationRef }) organisation!: ReportOrganisationRef;
  @ApiProperty() count!: number;
  @ApiProperty() open!: number;
  @ApiProperty() overdue!: number;
}

export class UpdatedShare {
  @ApiProperty({ description: 'Open actions.' }) open!: number;
  @ApiProperty({
    description: 'Of those, updated by a person in the 30 days before the report day.',
  })
  updated!: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'updated / open (0–1, 3 decimals); null without open actions.',
  })
  share!: number | null;
}

export class ReportSummaryResponse {
  @ApiProperty() total!: number;
  @ApiProperty() open!: number;
  @ApiProperty() closed!: number;
  @ApiProperty(counts(ACTION_STATUSES, 'Actions per status.')) byStatus!: Record<string, number>;
  @ApiProperty(counts(ACTION_HEALTHS, 'Open actions per health.')) byHealth!: Record<
    string,
    number
  >;
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
  @ApiProperty(counts(VERIFICATIONS, 'Actions per verification.')) byVerification!: Record<
    string,
    number
  >;
  @ApiProperty(
    counts(
      ESCALATION_FILTER_VALUES,
      'Open actions per level of the escalation ladder; `none`: not escalated. The list behind ' +
        'a figure: `GET /v1/actions?escalationLevel={key}&status=not_started,in_progress`.',
    ),
  )
  byEscalationLevel!: Record<string, number>;
  @ApiProperty({ description: 'Open with a deadline before the report day.' }) overdue!: number;
  @ApiProperty({ description: 'Closed as met or partially met within the period.' })
  completedInPeriod!: number;
  @ApiProperty({ description: 'Open with a deadline from the report day through 30 days later.' })
  deadlinesNext30Days!: number;
  @ApiProperty({ description: 'Open with a deadline from the report day through 90 days later.' })
  deadlinesNext90Days!: number;
  @ApiProperty({ type: UpdatedShare }) openUpdatedLast30Days!: UpdatedShare;
}

export class ReportProgrammeRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReportLinks {
  @ApiProperty({ type: Link }) self!: Link;
}

export class ReportSummaryDocument {
  @ApiProperty({ type: ReportProgrammeRef }) programme!: ReportProgrammeRef;
  @ApiProperty({ format: 'date-time', description: 'The moment the report describes.' })
  asOf!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) since!: string | null;
  @ApiProperty({ type: ReportPeriod, description: 'The period of completedInPeriod.' })
  period!: ReportPeriod;
  @ApiProperty({ format: 'date', description: 'The report day in Europe/Amsterdam.' })
  reportDate!: string;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty({ type: ReportFiltersResponse }) filters!: ReportFiltersResponse;
  @ApiProperty({ enum: REPORT_LANGUAGES }) lang!: string;
  @ApiProperty({ type: ReportSummaryResponse }) summary!: ReportSummaryResponse;
  @ApiProperty({ type: ReportLinks }) _links!: ReportLinks;
}

export class ReportCommitmentRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: COMMITMENT_KINDS }) kind!: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'Kamerbrief Actieagenda Sterk Bestuur (35896-10)',
  })
  sourceReference!: string | null;
}

export class ReportPersonRef {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
}

export class ReportPartner {
  @ApiProperty({ type: ReportOrganisationRef }) organisation!: ReportOrganisationRef;
  @ApiProperty({ enum: PARTNER_ROLES }) role!: string;
  @ApiProperty({ enum: ['supports', 'concerns', 'objects'], nullable: true, type: String })
  position!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) positionStatedAt!:
    string | null;
}

export class ReportNarrative {
  @ApiProperty() text!: string;
  @ApiProperty({ format: 'date-time' }) at!: string;
}

export class ReportFieldChangeResponse {
  @ApiProperty({ example: 'status' }) field!: string;
  @ApiProperty({ description: 'The value at `since`.' }) from!: unknown;
  @ApiProperty({ description: 'The value at `asOf`.' }) to!: unknown;
}

export class ReportChanges {
  @ApiProperty({ description: 'Created after `since`.' }) created!: boolean;
  @ApiProperty({ type: [ReportFieldChangeResponse] }) fields!: ReportFieldChangeResponse[];
  @ApiProperty({ description: 'Progress updates by people in the period.' })
  progressUpdates!: number;
}

export class ReportActionResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: ReportTrackRef, nullable: true }) track!: ReportTrackRef | null;
  @ApiProperty({ type: ReportCommitmentRef, nullable: true })
  commitment!: ReportCommitmentRef | null;
  @ApiProperty({ type: ReportOrganisationRef }) ownerOrganisation!: ReportOrganisationRef;
  @ApiProperty({ type: ReportPersonRef, nullable: true }) ownerUser!: ReportPersonRef | null;
  @ApiProperty({ type: [ReportPartner] }) partners!: ReportPartner[];
  @ApiProperty({ format: 'date' }) deadline!: string;
  @ApiProperty({ enum: ACTION_STATUSES }) status!: string;
  @ApiProperty({ enum: ACTION_HEALTHS }) health!: string;
  @ApiProperty({ enum: VERIFICATIONS }) verification!: string;
  @ApiProperty({ minimum: 0, maximum: 100 }) percentComplete!: number;
  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    description: 'Weight in roll-ups; null: 1.',
  })
  rollupWeight!: number | null;
  @ApiProperty() overdue!: boolean;
  @ApiProperty({ enum: ESCALATION_LEVELS, nullable: true, type: String }) escalationLevel!:
    string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt!: string | null;
  @ApiProperty({ type: ReportNarrative, nullable: true }) latestNarrative!: ReportNarrative | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'The latest progress update by a person.',
  })
  lastUpdateAt!: string | null;
  @ApiProperty({ type: ReportChanges, nullable: true, description: 'null without `since`.' })
  changesSince!: ReportChanges | null;
}

export class ProgressReportDocument extends ReportSummaryDocument {
  @ApiProperty({
    type: [ReportActionResponse],
    description: "In the programme's track order, then by deadline, title and id.",
  })
  actions!: ReportActionResponse[];
}
