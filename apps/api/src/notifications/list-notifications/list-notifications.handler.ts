import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { listNotifications } from '@jinlin/projections';
import { ListNotificationsQuery } from './list-notifications.query';

@QueryHandler(ListNotificationsQuery)
export class ListNotificationsHandler implements IQueryHandler<ListNotificationsQuery> {
  constructor(private readonly db: DataSource) {}

  execute({ personId, filter }: ListNotificationsQuery) {
    return listNotifications(this.db.manager, personId, filter);
  }
}
