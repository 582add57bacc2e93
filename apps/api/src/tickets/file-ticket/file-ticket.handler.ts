import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { TicketPhotos } from '../../attachments/ticket-photos';
import { handleCommand } from '../../commands/handle-command';
import { PeopleDirectory } from '../../people/people-directory';
import { TicketDecisions } from '../ticket-decisions';
import { FileTicketCommand } from './file-ticket.command';

@CommandHandler(FileTicketCommand)
export class FileTicketHandler implements ICommandHandler<FileTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
    private readonly people: PeopleDirectory,
    private readonly photos: TicketPhotos,
  ) {}

  async execute({ report: { reporterId, ...report }, ctx, attachmentIds }: FileTicketCommand) {
    // A new stream per request; a retried request finds its first answer by its Idempotency-Key.
    const ticketId = randomUUID();
    // The named person as their stream says; whether they may be the reporter is the decider's call.
    const reporter = reporterId === undefined ? undefined : { id: reporterId, person: await this.people.person(reporterId) };
    return this.photos.attach(attachmentIds, ctx, { ticketId, event: 'TicketFiled', internal: false }, (photos) => {
      const decide = this.tickets.decide(
        ctx,
        ({ actor, now, businessClock }, community) => ({
          type: 'FileTicket',
          data: { ticketId, ...report, ...photos, community: community!, ...(reporter ? { reporter } : {}) },
          metadata: { actor, now, businessClock },
        }),
        report.communityId,
      );
      return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
        id: ticketId,
        ctx,
        freshStream: true,
        onGuardChanged: this.tickets.forget,
      });
    });
  }
}
