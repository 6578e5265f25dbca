import { Module } from '@nestjs/common';
import { AuthModule } from '@app/identity';
import { ReportingCalendarModule } from '@app/reporting';
import {
  CalendarFeedsController,
  DeadlinesCalendarController,
} from './deadlines-calendar.controller';

/** HTTP routes of the deadlines calendar: with credentials, and at a calendar link. */
@Module({
  imports: [ReportingCalendarModule, AuthModule],
  controllers: [DeadlinesCalendarController, CalendarFeedsController],
})
export class CalendarHttpModule {}
