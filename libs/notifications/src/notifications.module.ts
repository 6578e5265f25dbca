import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProgrammesModule } from '@app/identity';
import { DeliveriesService } from './deliveries/deliveries.service';
import { EmailDeliveriesRepository } from './deliveries/email-deliveries.repository';
import { EmailDeliveryEntity } from './deliveries/email-delivery.entity';
import { MailDeliveryService } from './mail/mail-delivery.service';
import { Mailer } from './mail/mailer';
import { MailJobs } from './mail/mail-jobs';
import { MeNotificationsService } from './me/me-notifications.service';
import { NotificationEntity } from './notification.entity';
import { NotificationsRepository } from './notifications.repository';
import { NotificationsService } from './notifications.service';

/**
 * Notifications (issue 6): the channels people are reached through: in-app notifications,
 * e-mail (one each or a daily digest), and each person's preferences. What to tell whom and
 * when is decided by the reminders context.
 */
@Module({
  imports: [TypeOrmModule.forFeature([NotificationEntity, EmailDeliveryEntity]), ProgrammesModule],
  providers: [
    NotificationsRepository,
    EmailDeliveriesRepository,
    NotificationsService,
    MeNotificationsService,
    DeliveriesService,
    MailDeliveryService,
    MailJobs,
    Mailer,
  ],
  exports: [
    NotificationsService,
    MeNotificationsService,
    DeliveriesService,
    MailDeliveryService,
    MailJobs,
  ],
})
export class NotificationsModule {}
