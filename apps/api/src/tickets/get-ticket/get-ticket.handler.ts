import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { findTicket } from '@jinlin/projections';
import { PeopleDirectory } from '../../people/people-directory';
import { withNames, type NamedTicketView } from '../ticket-names';
import { GetTicketQuery } from './get-ticket.query';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ ticketId, user }: GetTicketQuery): Promise<NamedTicketView> {
    const ticket = await findTicket(this.db, user, ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    const [named] = await withNames(this.people, [ticket]);
    return named;
  }
}
