import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Link } from '@app/core';
import { ACTION_HEALTHS, ACTION_STATUSES, COMMITMENT_KINDS } from '@app/tracking';
import type { ActionHealth, ActionStatus, CommitmentKind } from '@app/tracking';
import { PARLIAMENT_STATUS_TERMS } from '../vocabularies';
import { describeField as d, OPEN_DATA_FIELD_NAMES, type OpenDataField } from './open-data.fields';

/** One public action: exactly the documented fields (README "Open data"), nothing personal. */
export class OpenDataActionResponse {
  @ApiProperty({ format: 'uuid', description: d('id') }) id!: string;
  @ApiProperty({ description: d('title') }) title!: string;
  @ApiProperty({ description: d('description') }) description!: string;
  @ApiProperty({ type: String, nullable: true, description: d('track') }) track!: string | null;
  @ApiProperty({
    type: String,
    enum: [...COMMITMENT_KINDS],
    nullable: true,
    description: d('commitmentKind'),
  })
  commitmentKind!: CommitmentKind | null;
  @ApiProperty({ type: String, nullable: true, description: d('commitmentTitle') })
  commitmentTitle!: string | null;
  @ApiProperty({ type: String, nullable: true, description: d('sourceReference') })
  sourceReference!: string | null;
  @ApiProperty({ example: 'BZK', description: d('ownerOrganisation') })
  ownerOrganisation!: string;
  @ApiProperty({ description: d('ownerOrganisationName') }) ownerOrganisationName!: string;
  @ApiProperty({ type: [String], example: ['IPO', 'VNG'], description: d('partnerOrganisations') })
  partnerOrganisations!: string[];
  @ApiProperty({ type: String, format: 'date', description: d('deadline') }) deadline!: string;
  @ApiProperty({ enum: [...ACTION_STATUSES], description: d('status') })
  status!: ActionStatus;
  @ApiProperty({ enum: [...PARLIAMENT_STATUS_TERMS], description: d('statusParliament') })
  statusParliament!: string;
  @ApiProperty({ enum: [...ACTION_HEALTHS], description: d('health') })
  health!: ActionHealth;
  @ApiProperty({ minimum: 0, maximum: 100, description: d('percentComplete') })
  percentComplete!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: d('closedAt') })
  closedAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: d('latestNarrative') })
  latestNarrative!: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: d('latestNarrativeDate'),
  })
  latestNarrativeDate!: string | null;
  @ApiProperty({ format: 'date-time', description: d('updatedAt') }) updatedAt!: string;
}

export class OpenDataProgrammeResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'Actieagenda Sterk Bestuur' }) name!: string;
}

export class OpenDataLinks {
  @ApiProperty({ type: Link }) self!: Link;
  @ApiPropertyOptional({ type: Link, description: 'The next page; absent on the last page.' })
  next?: Link;
  @ApiPropertyOptional({ type: Link, description: 'The previous page; absent on the first page.' })
  prev?: Link;
}

/** The JSON form: the programme, the field list and one page of its public actions. */
export class OpenDataResponse {
  @ApiProperty({ type: OpenDataProgrammeResponse }) programme!: OpenDataProgrammeResponse;
  @ApiProperty({ format: 'date-time', description: 'When this answer was made (UTC).' })
  generatedAt!: string;
  @ApiProperty({
    type: [String],
    example: [...OPEN_DATA_FIELD_NAMES],
    description: 'The fields of each action, in the order of the CSV columns.',
  })
  fields!: OpenDataField[];
  @ApiProperty({
    type: [OpenDataActionResponse],
    description: 'The public actions, by deadline (then id); empty when none is public.',
  })
  actions!: OpenDataActionResponse[];
  @ApiProperty({ type: OpenDataLinks }) _links!: OpenDataLinks;
}
