import { ApiProperty } from '@nestjs/swagger';
import { Link } from '@app/core';
import { ROUND_STATES, type RoundState, type UpdateRoundEntity } from './update-round.entity';
import type { RoundActionRow, RoundCompletion } from './update-rounds.repository';

export class RoundFilterResponse {
  @ApiProperty({
    type: [String],
    format: 'uuid',
    required: false,
    example: ['9b7e4c1a-3f2d-4e8b-a6c5-0d1e2f3a4b5c'],
  })
  trackIds?: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    required: false,
    example: ['32f4863a-c117-4dd8-93d3-7b281d88bd9c'],
  })
  ownerOrganisationIds?: string[];
  @ApiProperty({
    type: [String],
    format: 'uuid',
    required: false,
    example: ['1db9bc4f-a9c7-5dcc-86bc-b301fed52fee'],
  })
  actionIds?: string[];
}

export class RoundCompletionResponse {
  @ApiProperty({ description: 'Actions the round asks.', example: 18 }) total!: number;
  @ApiProperty({ description: 'Of those, updated since the round asked.', example: 11 })
  updated!: number;
  @ApiProperty({ description: 'Not yet updated.', example: 7 }) notUpdated!: number;
}

export class UpdateRoundLinks {
  @ApiProperty({
    type: Link,
    example: {
      href: 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/update-rounds/db143eb0-4499-4ee7-9f4f-bf6919bc5897',
    },
  })
  self!: Link;
  @ApiProperty({
    type: Link,
    description: 'Per action: updated or not.',
    example: {
      href: 'https://tracker.example.nl/v1/programmes/4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10/update-rounds/db143eb0-4499-4ee7-9f4f-bf6919bc5897/actions',
    },
  })
  actions!: Link;
}

export class UpdateRoundResponse {
  @ApiProperty({ format: 'uuid', example: 'db143eb0-4499-4ee7-9f4f-bf6919bc5897' }) id!: string;
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;
  @ApiProperty({ example: 'Voortgangsrapportage Actieagenda voorjaar 2027' }) title!: string;
  @ApiProperty({
    example:
      'Graag uiterlijk 15 maart per actie de stand van zaken en een toelichting, voor de voortgangsrapportage aan de Tweede Kamer.',
  })
  message!: string;
  @ApiProperty({ type: String, format: 'date', example: '2027-03-15' }) dueDate!: string;
  @ApiProperty({ type: RoundFilterResponse }) filter!: RoundFilterResponse;
  @ApiProperty({ enum: [...ROUND_STATES], enumName: 'UpdateRoundState', example: 'open' })
  state!: RoundState;
  @ApiProperty({ type: RoundCompletionResponse }) completion!: RoundCompletionResponse;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: '201fdcf1-330e-47bc-8838-b0f625447b80',
  })
  createdByUserId!: string | null;
  @ApiProperty({ format: 'date-time', example: '2027-02-15T09:00:00.000Z' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) cancelledAt!:
    string | null;
  @ApiProperty({ type: UpdateRoundLinks }) _links!: UpdateRoundLinks;
}

export class RoundActionResponse {
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' })
  actionId!: string;
  @ApiProperty({
    example:
      'Beleidskader decentraal bestuur opstellen en ter vaststelling aan het kabinet voorleggen',
  })
  title!: string;
  @ApiProperty({ type: String, format: 'date', example: '2027-03-31' }) deadline!: string;
  @ApiProperty({ format: 'uuid', example: '32f4863a-c117-4dd8-93d3-7b281d88bd9c' })
  ownerOrganisationId!: string;
  @ApiProperty({
    format: 'uuid',
    nullable: true,
    type: String,
    example: 'f4f87bc9-09b2-42e9-924e-8a4ded01cb33',
  })
  ownerUserId!: string | null;
  @ApiProperty({ description: 'Updated since the round asked.', example: true }) updated!: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The latest progress update.',
    example: '2027-03-02T10:15:00.000Z',
  })
  lastProgressAt!: string | null;
}

/** An update round as the libs answer it: the response without its `_links`, which the API adds. */
export type UpdateRoundBody = Omit<UpdateRoundResponse, '_links'>;

export function mapRound(
  round: UpdateRoundEntity,
  completion: RoundCompletion | undefined,
): UpdateRoundBody {
  const total = completion?.total ?? 0;
  const updated = completion?.updated ?? 0;
  return {
    id: round.id,
    programmeId: round.programmeId,
    title: round.title,
    message: round.message,
    dueDate: round.dueDate,
    filter: round.filter,
    state: round.state,
    completion: { total, updated, notUpdated: total - updated },
    createdByUserId: round.createdByUserId,
    createdAt: round.createdAt.toISOString(),
    cancelledAt: round.cancelledAt?.toISOString() ?? null,
  };
}

export function mapRoundAction(row: RoundActionRow): RoundActionResponse {
  return {
    actionId: row.actionId,
    title: row.title,
    deadline: row.deadline,
    ownerOrganisationId: row.ownerOrganisationId,
    ownerUserId: row.ownerUserId,
    updated: row.updated,
    lastProgressAt: row.lastProgressAt ? new Date(row.lastProgressAt).toISOString() : null,
  };
}
