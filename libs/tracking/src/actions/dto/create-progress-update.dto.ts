import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsOmittable, NOT_BLANK } from '@app/core';
import {
  ACTION_HEALTHS,
  ACTION_STATUSES,
  type ActionHealth,
  type ActionStatus,
} from '../action-states';

/**
 * POST /actions/{id}/progress-updates: the owner's update. Sets any of status, health and
 * percentage, with the narrative (toelichting) that reports quote.
 */
export class CreateProgressUpdateDto {
  @ApiPropertyOptional({
    enum: [...ACTION_STATUSES],
    enumName: 'ActionStatus',
    example: 'in_progress',
  })
  @IsOmittable()
  @IsIn(ACTION_STATUSES)
  status?: ActionStatus;

  @ApiPropertyOptional({ enum: [...ACTION_HEALTHS], enumName: 'ActionHealth', example: 'at_risk' })
  @IsOmittable()
  @IsIn(ACTION_HEALTHS)
  health?: ActionHealth;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 100, example: 60 })
  @IsOmittable()
  @IsInt()
  @Min(0)
  @Max(100)
  percentComplete?: number;

  @ApiProperty({
    maxLength: 10_000,
    description: 'The narrative (toelichting): what happened, what comes next.',
    example: 'Het conceptkader is met VNG, IPO en UvW besproken; vaststelling in het BO.',
  })
  @IsString()
  @MaxLength(10_000)
  @Matches(NOT_BLANK, { message: 'narrative must not be blank' })
  narrative!: string;

  @ApiPropertyOptional({
    maxLength: 2000,
    description:
      'Required when the status becomes partially_met or lapsed, the health at_risk or ' +
      'off_track, or a closed action reopens.',
    example: 'Het nieuwe kabinet wil het kader eerst combineren met de visie op de regio.',
  })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}
