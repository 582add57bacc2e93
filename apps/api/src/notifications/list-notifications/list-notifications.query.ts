import { Query } from '@nestjs/cqrs';
import type { NotificationPage } from '@jinlin/projections';

export class ListNotificationsQuery extends Query<NotificationPage> {
  constructor(
    readonly personId: string,
    readonly filter: Readonly<{ unread: boolean; cursor?: string; limit: number }>,
  ) {
    super();
  }
}
