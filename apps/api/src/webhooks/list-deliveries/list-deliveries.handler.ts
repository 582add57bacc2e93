import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { deliveriesOf, findWebhook } from '@jinlin/projections';
import { mustBeAdmin } from '../must-be-admin';
import { ListDeliveriesQuery } from './list-deliveries.query';

@QueryHandler(ListDeliveriesQuery)
export class ListDeliveriesHandler implements IQueryHandler<ListDeliveriesQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ webhookId, user, limit, before }: ListDeliveriesQuery) {
    mustBeAdmin(user);
    if (!(await findWebhook(this.db.manager, webhookId))) throw new DomainError('WEBHOOK_NOT_FOUND');
    return { items: await deliveriesOf(this.db.manager, webhookId, limit, before) };
  }
}
