import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { similarTickets } from '@jinlin/projections';
import { SimilarTicketsQuery } from './similar-tickets.query';

@QueryHandler(SimilarTicketsQuery)
export class SimilarTicketsHandler implements IQueryHandler<SimilarTicketsQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ ticketId, user }: SimilarTicketsQuery) {
    const items = await similarTickets(this.db, user, ticketId, new Date());
    if (!items) throw new DomainError('TICKET_NOT_FOUND');
    return { items };
  }
}
