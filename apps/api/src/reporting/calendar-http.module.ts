import { Module } from '@nestjs/common';
import { ReportingCalendarModule } from '@app/reporting';
import { DeadlinesCalendarController } from './deadlines-calendar.controller';

/** HTTP route of the deadlines calendar. */
@Module({
  imports: [ReportingCalendarModule],
  controllers: [DeadlinesCalendarController],
})
export class CalendarHttpModule {}
