import { BadRequestException } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { BadCursor, listTickets } from '@jinlin/projections';
import { PeopleDirectory } from '../../people/people-directory';
import { withNames } from '../ticket-names';
import { ListTicketsQuery, type TicketPage } from './list-tickets.query';

@QueryHandler(ListTicketsQuery)
export class ListTicketsHandler implements IQueryHandler<ListTicketsQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ user, filters }: ListTicketsQuery): Promise<TicketPage> {
    const page = await this.page(user, filters);
    // One query for the whole page's names, not one per row.
    return { items: await withNames(this.people, page.items), nextCursor: page.nextCursor };
  }

  private async page(user: ListTicketsQuery['user'], filters: ListTicketsQuery['filters']) {
    try {
      return await listTickets(this.db, user, filters);
    } catch (error) {
      if (error instanceof BadCursor) throw new BadRequestException(error.message);
      throw error;
    }
  }
}
