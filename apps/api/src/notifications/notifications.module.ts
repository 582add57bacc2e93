import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReadYourWrites } from '../http/read-your-writes';
import { ListNotificationsController } from './list-notifications/list-notifications.controller';
import { ListNotificationsHandler } from './list-notifications/list-notifications.handler';
import { MarkNotificationReadController } from './mark-notification-read/mark-notification-read.controller';
import { MarkNotificationReadHandler } from './mark-notification-read/mark-notification-read.handler';
import { NotificationHub } from './notification-hub';
import { NotificationStreamController } from './notification-stream/notification-stream.controller';

/** SPEC §9 in the app: a person's notifications, read marks, and the live stream. */
@Module({
  imports: [AuthModule],
  // The stream's route before the list's: 'stream' is a word, not an id.
  controllers: [NotificationStreamController, ListNotificationsController, MarkNotificationReadController],
  providers: [NotificationHub, ReadYourWrites, ListNotificationsHandler, MarkNotificationReadHandler],
})
export class NotificationsModule {}
