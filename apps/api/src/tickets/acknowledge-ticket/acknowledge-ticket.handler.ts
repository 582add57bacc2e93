import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { TicketPhotos } from '../../attachments/ticket-photos';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { AcknowledgeTicketCommand } from './acknowledge-ticket.command';

@CommandHandler(AcknowledgeTicketCommand)
export class AcknowledgeTicketHandler implements ICommandHandler<AcknowledgeTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
    private readonly photos: TicketPhotos,
  ) {}

  execute({ ticketId, message, ctx, attachmentIds }: AcknowledgeTicketCommand) {
    return this.photos.attach(attachmentIds, ctx, { ticketId, event: 'TicketAcknowledged', internal: false }, (photos) => {
      const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'AcknowledgeTicket', data: { message, ...photos }, metadata }));
      return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
        id: ticketId,
        ctx,
        onGuardChanged: this.tickets.forget,
      });
    });
  }
}
