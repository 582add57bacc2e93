import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError, type AttachmentRef } from '@jinlin/domain';
import { findTicket } from '@jinlin/projections';
import { AttachmentStore } from '../../attachments/attachment-store';
import { PeopleDirectory } from '../../people/people-directory';
import { withNames, type NamedTicketView } from '../ticket-names';
import { GetTicketQuery } from './get-ticket.query';

@QueryHandler(GetTicketQuery)
export class GetTicketHandler implements IQueryHandler<GetTicketQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly people: PeopleDirectory,
    private readonly attachments: AttachmentStore,
  ) {}

  async execute({ ticketId, user }: GetTicketQuery): Promise<NamedTicketView & { attachments: AttachmentRef[] }> {
    const ticket = await findTicket(this.db, user, ticketId);
    if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
    const [named] = await withNames(this.people, [ticket]);
    // The filing's photos; later ones are on the timeline, in the events that attached them.
    const photos = await this.attachments.ofEvent(ticketId, 'TicketFiled');
    return { ...named, attachments: photos.map(({ id, sha256, mime, width, height }) => ({ id, sha256, mime, width, height })) };
  }
}
