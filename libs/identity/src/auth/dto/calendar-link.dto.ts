import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, IsUUID, MaxLength } from 'class-validator';
import { Trim } from '@app/core';

export class CreateCalendarLinkDto {
  @ApiProperty({
    description: 'What the link is for, to recognise it later (e.g. the calendar app).',
    maxLength: 100,
    example: 'Outlook op mijn laptop',
  })
  @Trim()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  name!: string;

  @ApiProperty({
    format: 'uuid',
    description: 'The programme whose deadlines the calendar shows; you must be a member.',
    example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10',
  })
  @IsUUID()
  programmeId!: string;
}

export class CalendarLinkIdParams {
  @ApiProperty({
    format: 'uuid',
    description: 'The calendar link id.',
    example: '48ebcb46-3202-4c69-9dbc-3cb8f15f2798',
  })
  @IsUUID()
  id!: string;
}

/** The secret path segment of a calendar feed address. */
export class CalendarFeedParams {
  @ApiProperty({
    description: "The link's secret (`sbc_…`), as in the address shown when it was made.",
    example: 'sbc_3q2-7wEYnB8h0k1mZ4sUuXnS3tq0o8GgD6cYk5dPpVw',
  })
  @IsString()
  @MaxLength(100)
  key!: string;
}

/** A calendar link as listed: never its address (its secret is stored hashed). */
export class CalendarLinkResponse {
  @ApiProperty({ format: 'uuid', example: '48ebcb46-3202-4c69-9dbc-3cb8f15f2798' })
  id!: string;

  @ApiProperty({ example: 'Outlook op mijn laptop' })
  name!: string;

  @ApiProperty({ format: 'uuid', example: '4f0c2d8e-8a4b-4c59-9d7e-2b1f6a3c5e10' })
  programmeId!: string;

  @ApiProperty({
    description: 'The first characters of the secret, to tell links apart.',
    example: 'sbc_3q2-7w',
  })
  tokenPrefix!: string;

  @ApiProperty({ format: 'date-time', example: '2026-11-18T16:40:09.000Z' })
  createdAt!: string;

  @ApiProperty({
    format: 'date-time',
    nullable: true,
    type: String,
    example: '2026-12-04T05:00:31.000Z',
  })
  lastUsedAt!: string | null;

  @ApiProperty({ format: 'date-time', nullable: true, type: String, example: null })
  revokedAt!: string | null;
}

export class CalendarLinksResponse {
  @ApiProperty({ type: [CalendarLinkResponse] })
  items!: CalendarLinkResponse[];
}

/** A new link: its address, shown this once. */
export class CreatedCalendarLinkResponse extends CalendarLinkResponse {
  @ApiProperty({
    format: 'uri',
    description:
      'Subscribe to this address in the calendar app. It is shown only now: whoever has it ' +
      'reads these deadlines, so keep it like a password; revoke the link when in doubt.',
    example:
      'https://tracker.example.nl/v1/calendar-feeds/sbc_3q2-7wEYnB8h0k1mZ4sUuXnS3tq0o8GgD6cYk5dPpVw/deadlines.ics',
  })
  url!: string;
}
