import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { findTicket, type TicketView } from '@jinlin/projections';
import { GetTicketQuery } from './get-ticket.query';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ ticketId, user }: GetTicketQuery): Promise<TicketView> {
    const ticket = await findTicket(this.db, user, ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    return ticket;
  }
}
