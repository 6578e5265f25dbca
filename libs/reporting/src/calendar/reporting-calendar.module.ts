import { Module } from '@nestjs/common';
import { ProgrammesModule } from '@app/identity';
import { TrackingModule } from '@app/tracking';
import { DeadlinesCalendarService } from './deadlines-calendar.service';

/** The deadlines calendar (iCalendar feed) of a programme's actions. */
@Module({
  imports: [ProgrammesModule, TrackingModule],
  providers: [DeadlinesCalendarService],
  exports: [DeadlinesCalendarService],
})
export class ReportingCalendarModule {}
