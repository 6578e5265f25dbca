import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsUUID } from 'class-validator';
import { IsOmittable, LowerCase, QueryBoolean } from '@app/core';
import { CALENDAR_LANGUAGES, type CalendarLanguage } from './deadline-events';

/** `GET /programmes/{id}/deadlines.ics`: filters combine with AND. */
export class DeadlinesCalendarQuery {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the actions of this track.' })
  @IsOmittable()
  @LowerCase()
  @IsUUID()
  track?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Only the actions this organisation owns (is the trekker of).',
  })
  @IsOmittable()
  @LowerCase()
  @IsUUID()
  ownerOrganisation?: string;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'Also the closed actions (met, partially met, lapsed). By default only open actions: a ' +
      'closed action leaves the calendar on its next refresh.',
  })
  @IsOmittable()
  @QueryBoolean()
  @IsBoolean()
  includeClosed?: boolean;

  @ApiPropertyOptional({
    enum: [...CALENDAR_LANGUAGES],
    default: 'nl',
    description: 'The language of the labels in the event descriptions.',
  })
  @IsOmittable()
  @IsIn(CALENDAR_LANGUAGES)
  lang?: CalendarLanguage;
}
