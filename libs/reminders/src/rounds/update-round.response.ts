import { ApiProperty } from '@nestjs/swagger';
import { Link } from '@app/core';
import { ROUND_STATES, type RoundState, type UpdateRoundEntity } from './update-round.entity';
import type { RoundActionRow, RoundCompletion } from './update-rounds.repository';

export class RoundFilterResponse {
  @ApiProperty({ type: [String], format: 'uuid', required: false }) trackIds?: string[];
  @ApiProperty({ type: [String], format: 'uuid', required: false }) ownerOrganisationIds?: string[];
  @ApiProperty({ type: [String], format: 'uuid', required: false }) actionIds?: string[];
}

export class RoundCompletionResponse {
  @ApiProperty({ description: 'Actions the round asks.' }) total!: number;
  @ApiProperty({ description: 'Of those, updated since the round asked.' }) updated!: number;
  @ApiProperty({ description: 'Not yet updated.' }) notUpdated!: number;
}

export class UpdateRoundLinks {
  @ApiProperty({ type: Link }) self!: Link;
  @ApiProperty({ type: Link, description: 'Per action: updated or not.' }) actions!: Link;
}

export class UpdateRoundResponse {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) programmeId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() message!: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate!: string;
  @ApiProperty({ type: RoundFilterResponse }) filter!: RoundFilterResponse;
  @ApiProperty({ enum: [...ROUND_STATES], enumName: 'UpdateRoundState' }) state!: RoundState;
  @ApiProperty({ type: RoundCompletionResponse }) completion!: RoundCompletionResponse;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) createdByUserId!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) cancelledAt!: string | null;
  @ApiProperty({ type: UpdateRoundLinks }) _links!: UpdateRoundLinks;
}

export class RoundActionResponse {
  @ApiProperty({ format: 'uuid' }) actionId!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ type: String, format: 'date' }) deadline!: string;
  @ApiProperty({ format: 'uuid' }) ownerOrganisationId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String }) ownerUserId!: string | null;
  @ApiProperty({ description: 'Updated since the round asked.' }) updated!: boolean;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'The latest progress update.',
  })
  lastProgressAt!: string | null;
}

export function mapRound(
  round: UpdateRoundEntity,
  completion: RoundCompletion | undefined,
  baseUrl: string,
): UpdateRoundResponse {
  const self = `${baseUrl}/v1/programmes/${round.programmeId}/update-rounds/${round.id}`;
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
    _links: { self: { href: self }, actions: { href: `${self}/actions` } },
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
