import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { decideTicket, ticketDecider, ticketStream, type TicketCommand, type TicketCommandMetadata } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { answer } from '../commands/answer';
import type { CommandContext } from '../commands/command-context';
import { DecideCommand } from '../commands/decide.command';
import { managingCompanyOf } from '../commands/load';
import type { CommandResult } from '../commands/run-decider';

/** The shared path of every ticket command: who manages the community now, then the decider. */
@Injectable()
export class TicketCommands {
  constructor(
    private readonly commands: CommandBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async execute(
    reply: FastifyReply,
    ticketId: string,
    ctx: CommandContext,
    make: (metadata: TicketCommandMetadata) => TicketCommand,
    options: Readonly<{ freshStream?: boolean }> = {},
  ): Promise<CommandResult> {
    const result = await this.commands.execute(
      new DecideCommand({
        id: ticketId,
        streamId: ticketStream(ticketId),
        evolver: ticketDecider,
        ctx,
        freshStream: options.freshStream,
        decide: async (state) => {
          const managingCompanyId = state.exists ? await managingCompanyOf(this.store, state.communityId) : null;
          return decideTicket(make({ actor: ctx.actor, now: ctx.now, managingCompanyId }), state);
        },
      }),
    );
    return answer(reply, result);
  }
}
