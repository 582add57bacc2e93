import { BadRequestException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BadCursor, listTickets } from '@jinlin/projections';
import { ListTicketsQuery, type TicketPage } from './list-tickets.query';

@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ user, filters }: ListTicketsQuery): Promise<TicketPage> {
    try {
      return await listTickets(this.db, user, filters);
    } catch (error) {
      if (error instanceof BadCursor) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
