import { ApiProperty } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsNullable } from '@app/core';
import { ESCALATION_LEVELS, type EscalationLevel } from '@app/tracking';

const lowerCaseIds = ({ value }: { value: unknown }) =>
  Array.isArray(value)
    ? value.map((id: unknown) => (typeof id === 'string' ? id.toLowerCase() : id))
    : value;

export class EscalationStepDto {
  @ApiProperty({ enum: [...ESCALATION_LEVELS], enumName: 'EscalationLevel' })
  @IsIn(ESCALATION_LEVELS)
  level!: EscalationLevel;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 365,
    description: 'Days overdue, off track or behind on an update round before this level.',
    example: 14,
  })
  @IsInt()
  @Min(0)
  @Max(365)
  afterDays!: number;

  @ApiProperty({
    type: [String],
    format: 'uuid',
    maxItems: 20,
    description: 'Members of the programme notified when an action reaches this level.',
    example: ['201fdcf1-330e-47bc-8838-b0f625447b80'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @Transform(lowerCaseIds)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  contactUserIds!: string[];
}

/** PUT /programmes/{id}/reminder-policy: the whole policy, every time. */
export class ReminderPolicyDto {
  @ApiProperty({
    type: 'integer',
    isArray: true,
    example: [14, 3],
    maxItems: 10,
    description: 'Calendar days before the deadline to remind the owner.',
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ArrayUnique()
  @IsInt({ each: true })
  @Min(1, { each: true })
  @Max(365, { each: true })
  daysBefore!: number[];

  @ApiProperty({ description: 'Also remind on the deadline day itself.', example: true })
  @IsBoolean()
  onDeadlineDay!: boolean;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 365,
    example: 7,
    description: 'Remind of an overdue action again every so many days; null: once.',
  })
  @IsNullable({ required: true })
  @IsInt()
  @Min(1)
  @Max(365)
  overdueRepeatDays!: number | null;

  @ApiProperty({
    type: 'integer',
    nullable: true,
    minimum: 1,
    maximum: 365,
    example: 30,
    description: 'Remind when an open action had no progress update for so many days; null: never.',
  })
  @IsNullable({ required: true })
  @IsInt()
  @Min(1)
  @Max(365)
  staleAfterDays!: number | null;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 60,
    example: 3,
    description: "Days before an update round's date to remind who has not updated yet.",
  })
  @IsInt()
  @Min(0)
  @Max(60)
  updateRoundReminderDaysBefore!: number;

  @ApiProperty({
    type: [EscalationStepDto],
    maxItems: 3,
    description:
      'The ladder official → administrative → overhedenoverleg, in that order and with growing `afterDays`; a level may be left out.',
  })
  @IsArray()
  @ArrayMaxSize(3)
  @ValidateNested({ each: true })
  @Type(() => EscalationStepDto)
  escalation!: EscalationStepDto[];

  @ApiProperty({ description: 'No reminders on Saturdays and Sundays.', example: true })
  @IsBoolean()
  skipWeekends!: boolean;

  @ApiProperty({ description: 'No reminders on Dutch public holidays.', example: true })
  @IsBoolean()
  skipHolidays!: boolean;

  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: 23,
    example: 9,
    description: 'Local hour (Europe/Amsterdam).',
  })
  @IsInt()
  @Min(0)
  @Max(23)
  sendHour!: number;

  @ApiProperty({
    description:
      'One e-mail per person per day listing everything, for people who did not choose themselves.',
    example: false,
  })
  @IsBoolean()
  digest!: boolean;
}

export class ReminderPolicyResponse extends ReminderPolicyDto {
  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;
  @ApiProperty({
    description: 'The ETag, as a number: 1 is the defaults, never stored.',
    example: 2,
  })
  version!: number;
  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    description: 'null: the defaults.',
    example: '2026-09-01T12:00:00.000Z',
  })
  updatedAt!: string | null;
}
