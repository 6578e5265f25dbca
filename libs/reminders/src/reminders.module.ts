import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '@app/identity';
import { NotificationsModule } from '@app/notifications';
import { ActionsModule } from '@app/tracking';
import { ChangeNotices } from './concerns/change-notices.service';
import { ReminderDispatcher } from './dispatch/reminder-dispatcher.service';
import { ReminderReconciler } from './dispatch/reminder-reconciler.service';
import { ReminderPoliciesRepository } from './policy/reminder-policies.repository';
import { ReminderPoliciesService } from './policy/reminder-policies.service';
import { UpdateRoundEntity } from './rounds/update-round.entity';
import { UpdateRoundsRepository } from './rounds/update-rounds.repository';
import { UpdateRoundsService } from './rounds/update-rounds.service';
import { DeEscalationService } from './scheduling/de-escalation.service';
import { ProgrammeContexts } from './scheduling/programme-contexts';
import { QueueWorkService } from './scheduling/queue-work.service';
import { ReminderEntity } from './scheduling/reminder.entity';
import { ReminderPreviewService } from './scheduling/reminder-preview.service';
import { ReminderScheduler } from './scheduling/reminder-scheduler.service';
import { RemindersRepository } from './scheduling/reminders.repository';
import { RemindersQueryService } from './scheduling/reminders-query.service';

/**
 * Reminders (issue 6): who hears what, and when. Reminder policies, the reminder rows and
 * their plan, update rounds, the escalation ladder, and the notices that follow changes;
 * the notifications context carries them to people.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([ReminderEntity, UpdateRoundEntity]),
    ActionsModule,
    ProgrammesModule,
    NotificationsModule,
  ],
  providers: [
    ReminderPoliciesRepository,
    RemindersRepository,
    UpdateRoundsRepository,
    ReminderPoliciesService,
    ProgrammeContexts,
    QueueWorkService,
    DeEscalationService,
    ReminderScheduler,
    ReminderDispatcher,
    ReminderReconciler,
    UpdateRoundsService,
    RemindersQueryService,
    ReminderPreviewService,
    ChangeNotices,
  ],
  exports: [
    NotificationsModule,
    ReminderPoliciesService,
    ReminderScheduler,
    ReminderDispatcher,
    ReminderReconciler,
    UpdateRoundsService,
    RemindersQueryService,
    ReminderPreviewService,
    ChangeNotices,
  ],
})
export class RemindersModule {}
