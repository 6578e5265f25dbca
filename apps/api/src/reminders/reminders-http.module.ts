import { Module } from '@nestjs/common';
import { NotificationsModule } from '@app/notifications';
import { RemindersModule } from '@app/reminders';
import { MeNotificationsController } from '../notifications/me-notifications.controller';
import { SystemClockController } from '../system/system-clock.controller';
import { ProgrammeDeliveriesController } from './programme-deliveries.controller';
import { ReminderPolicyController } from './reminder-policy.controller';
import { UpdateRoundsController } from './update-rounds.controller';

/** HTTP routes of reminders and notifications. */
@Module({
  imports: [RemindersModule, NotificationsModule],
  controllers: [
    ReminderPolicyController,
    UpdateRoundsController,
    ProgrammeDeliveriesController,
    MeNotificationsController,
    SystemClockController,
  ],
})
export class RemindersHttpModule {}
