import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { IsOmittable, LowerCase, PageQueryDto } from '@app/core';
import {
  REMINDER_KINDS,
  REMINDER_STATES,
  type ReminderKind,
  type ReminderState,
} from '../planning/reminder-plan.model';
import type { ReminderEntity } from './reminder.entity';

export class ReminderResponse {
  @ApiProperty({ format: 'uuid', example: '1161849f-d253-46d6-bdbc-44bf069935d6' }) id!: string;
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
    description: 'When it goes out (UTC).',
    example: '2027-03-17T08:00:00.000Z',
  })
  dueAt!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    example: ['f4f87bc9-09b2-42e9-924e-8a4ded01cb33'],
  })
  recipientUserIds!: string[];
  @ApiProperty({ format: 'uuid', nullable: true, type: String, example: null }) updateRoundId!:
    string | null;
  @ApiProperty({ enum: [...REMINDER_STATES], enumName: 'ReminderState' }) state!: ReminderState;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Why it was cancelled or skipped.',
    example: null,
  })
  stateReason!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null }) sentAt!:
    string | null;
}

export function mapReminder(row: ReminderEntity): ReminderResponse {
  return {
    id: row.id,
    actionId: row.actionId,
    kind: row.kind,
    step: row.step,
    dueAt: row.dueAt.toISOString(),
    recipientUserIds: row.recipientUserIds,
    updateRoundId: row.updateRoundId,
    state: row.state,
    stateReason: row.stateReason,
    sentAt: row.sentAt?.toISOString() ?? null,
  };
}

export class ListRemindersQuery extends PageQueryDto {
  @ApiPropertyOptional({ enum: [...REMINDER_STATES], enumName: 'ReminderState' })
  @IsOmittable()
  @IsIn(REMINDER_STATES)
  state?: ReminderState;

  @ApiPropertyOptional({ enum: [...REMINDER_KINDS], enumName: 'ReminderKind' })
  @IsOmittable()
  @IsIn(REMINDER_KINDS)
  kind?: ReminderKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'Only those of this action.' })
  @IsOmittable()
  @LowerCase()
  @IsUUID()
  action?: string;
}
