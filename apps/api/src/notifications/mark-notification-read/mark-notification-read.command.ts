import { Command } from '@nestjs/cqrs';
import type { NotificationView } from '@jinlin/projections';

/** A read mark is the reader's own state on a read model row, not a fact of the log: no event. */
export class MarkNotificationRead extends Command<NotificationView> {
  constructor(
    readonly personId: string,
    readonly notificationId: string,
    readonly now: Date,
  ) {
    super();
  }
}
