import { Body, Controller, Get, Put } from '@nestjs/common';
import {
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { IsISO8601 } from 'class-validator';
import { Clock, ClockTravel, IsNullable } from '@app/core';
import { Permission } from '@app/identity';
import { RemindersErrors } from '@app/reminders';
import { Access } from '../access/access.decorator';

export class ClockResponse {
  @ApiProperty({
    format: 'date-time',
    description: '"Now" for the API and its workers (UTC).',
    example: '2026-12-04T08:05:00.000Z',
  })
  now!: string;
  @ApiProperty({
    description: 'How far "now" is moved from the machine\'s time, in seconds.',
    example: 259200,
  })
  offsetSeconds!: number;
  @ApiProperty({ description: 'Whether clock travel is on (CLOCK_TRAVEL).', example: true })
  travel!: boolean;
}

export class MoveClockDto {
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    example: '2026-12-04T09:05:00+01:00',
    description: 'The moment "now" becomes; null: back to the machine\'s time.',
  })
  @IsNullable({ required: true })
  @IsISO8601({ strict: true, strictSeparator: true })
  now!: string | null;
}

/**
 * Clock travel, to try reminders out without waiting (CLOCK_TRAVEL=true, never in
 * production): `npm start` turns it on; the workers follow within a second.
 */
@ApiTags('system')
@Controller('system/clock')
export class SystemClockController {
  constructor(
    private readonly clock: Clock,
    private readonly travel: ClockTravel,
  ) {}

  @Get()
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'What time the system thinks it is',
    description:
      'Platform administrators: the instant the product works with, and whether it was moved (clock travel, outside production only).',
  })
  @ApiOkResponse({ type: ClockResponse, description: 'The clock.' })
  get(): ClockResponse {
    return this.view();
  }

  @Put()
  @Access(Permission.PlatformAdmin)
  @ApiOperation({
    summary: 'Move "now" (development only)',
    description:
      'Moves the clock of the API and the workers, for trying out reminders: move it past a ' +
      "reminder's time and it goes out. 404 CLOCK_TRAVEL_DISABLED unless CLOCK_TRAVEL=true.",
  })
  @ApiOkResponse({ type: ClockResponse, description: 'Moved.' })
  @ApiNotFoundResponse({ description: 'CLOCK_TRAVEL_DISABLED.' })
  async move(@Body() body: MoveClockDto): Promise<ClockResponse> {
    if (!this.travel.enabled) throw RemindersErrors.clockTravelDisabled();
    await this.travel.moveTo(body.now === null ? null : new Date(body.now));
    return this.view();
  }

  private view(): ClockResponse {
    return {
      now: this.clock.now().toISOString(),
      offsetSeconds: Math.round(this.clock.offset / 1000),
      travel: this.travel.enabled,
    };
  }
}
