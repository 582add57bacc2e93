import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { TicketPhotos } from '../../attachments/ticket-photos';
import { handleCommand } from '../../commands/handle-command';
import { TicketDecisions } from '../ticket-decisions';
import { CommentOnTicketCommand } from './comment-on-ticket.command';

@CommandHandler(CommentOnTicketCommand)
export class CommentOnTicketHandler implements ICommandHandler<CommentOnTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
    private readonly photos: TicketPhotos,
  ) {}

  execute({ ticketId, text, internal, ctx, attachmentIds }: CommentOnTicketCommand) {
    // A photo of an internal comment is seen only by those who see internal comments.
    return this.photos.attach(attachmentIds, ctx, { ticketId, event: 'TicketCommented', internal }, (photos) => {
      const decide = this.tickets.decide(ctx, (metadata) => ({ type: 'CommentOnTicket', data: { text, internal, ...photos }, metadata }));
      return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
        id: ticketId,
        ctx,
        onGuardChanged: this.tickets.forget,
      });
    });
  }
}
