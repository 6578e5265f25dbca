import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { IsOmittable } from '@app/core';
import { REMINDER_KINDS, type ReminderKind } from '../planning/reminder-plan.model';

export const PREVIEW_DEFAULT_LIMIT = 20;
export const PREVIEW_MAX_LIMIT = 200;

/** One reminder a policy would plan: the next reminder of an open action. */
export class ReminderPreviewItem {
  @ApiProperty({ format: 'uuid', example: '1db9bc4f-a9c7-5dcc-86bc-b301fed52fee' })
  actionId!: string;
  @ApiProperty({ enum: [...REMINDER_KINDS], enumName: 'ReminderKind' }) kind!: ReminderKind;
  @ApiProperty({
    description:
      'Which occasion: `14d` before the deadline, `overdue-2`, `administrative`, `request`.',
    example: '14d',
  })
  step!: string;
  @ApiProperty({
    format: 'date-time',
    description: 'When it would go out (UTC).',
    example: '2027-03-17T08:00:00.000Z',
  })
  dueAt!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['f4f87bc9-09b2-42e9-924e-8a4ded01cb33'],
  })
  recipientUserIds!: string[];
}

export class ReminderPreviewResponse {
  @ApiProperty({
    type: [ReminderPreviewItem],
    description: 'The soonest reminders the policy would plan, soonest first, at most `limit`.',
  })
  data!: ReminderPreviewItem[];

  @ApiProperty({ description: 'How many open actions were planned with the policy.', example: 38 })
  actionsPlanned!: number;

  @ApiProperty({
    description:
      'How many reminders the policy would have planned in all (one or more per action).',
    example: 91,
  })
  total!: number;
}

export class ReminderPreviewQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PREVIEW_MAX_LIMIT,
    default: PREVIEW_DEFAULT_LIMIT,
    description: 'How many of the soonest reminders to answer.',
  })
  @IsOmittable()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PREVIEW_MAX_LIMIT)
  limit: number = PREVIEW_DEFAULT_LIMIT;
}
