import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { listWebhooks } from '@jinlin/projections';
import { mustBeAdmin } from '../must-be-admin';
import { ListWebhooksQuery } from './list-webhooks.query';

@QueryHandler(ListWebhooksQuery)
export class ListWebhooksHandler implements IQueryHandler<ListWebhooksQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ user }: ListWebhooksQuery) {
    mustBeAdmin(user);
    return { items: await listWebhooks(this.db.manager) };
  }
}
