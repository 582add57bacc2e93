import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { markNotificationRead } from '@jinlin/projections';
import { MarkNotificationRead } from './mark-notification-read.command';

@CommandHandler(MarkNotificationRead)
export class MarkNotificationReadHandler implements ICommandHandler<MarkNotificationRead> {
  constructor(private readonly db: DataSource) {}

  async execute({ personId, notificationId, now }: MarkNotificationRead) {
    const marked = await markNotificationRead(this.db.manager, personId, notificationId, now);
    if (!marked) throw new DomainError('NOTIFICATION_NOT_FOUND');
    return marked;
  }
}
