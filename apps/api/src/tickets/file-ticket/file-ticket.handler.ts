import { randomUUID } from 'node:crypto';
import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { personStream, ticketDecider, ticketStream, type Person, type Ticket, type TicketEvent } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { TicketPhotos } from '../../attachments/ticket-photos';
import { alsoGuardedBy, handleCommand, type Decide } from '../../commands/handle-command';
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
    return this.photos.attach(attachmentIds, ctx, { ticketId, event: 'TicketFiled', internal: false }, (photos) => {
      const decideWith = (reporter?: { id: string; person: Person }) =>
        this.tickets.decide(
          ctx,
          ({ actor, now, businessClock }, community) => ({
            type: 'FileTicket',
            data: { ticketId, ...report, ...photos, community: community!, ...(reporter ? { reporter } : {}) },
            metadata: { actor, now, businessClock },
          }),
          report.communityId,
        );
      // Filed on someone's behalf: the named person as their stream says, read again on every
      // attempt, and that stream guards the append (a role change or erasure in between fails it,
      // and the filing is decided again). Whether they may be the reporter is the decider's call.
      const decide: Decide<Ticket, TicketEvent> =
        reporterId === undefined
          ? decideWith()
          : async (state) => {
              const person = await this.people.personState(reporterId);
              const decision = await decideWith({ id: reporterId, person: person.state })(state);
              return alsoGuardedBy(decision, { streamId: personStream(reporterId), version: person.version });
            };
      return handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
        id: ticketId,
        ctx,
        freshStream: true,
        onGuardChanged: this.tickets.forget,
      });
    });
  }
}
