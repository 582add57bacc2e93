import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import {
  decideTicket,
  DomainError,
  ticketDecider,
  ticketStream,
  type Community,
  type TicketCommand,
  type TicketCommandMetadata,
} from '@jinlin/domain';
import { answer } from '../commands/answer';
import type { CommandContext } from '../commands/command-context';
import { DecideCommand } from '../commands/decide.command';
import { CommunityStates, type KnownCommunity } from '../commands/community-states';
import type { CommandResult } from '../commands/run-decider';

/**
 * The shared path of every ticket command: the community as it is now (who manages it, its SLA
 * policies), then the decider; the append is guarded by the community's version.
 */
@Injectable()
export class TicketCommands {
  constructor(
    private readonly commands: CommandBus,
    private readonly communities: CommunityStates,
  ) {}

  async execute(
    reply: FastifyReply,
    ticketId: string,
    ctx: CommandContext,
    make: (metadata: TicketCommandMetadata, community: Community | null) => TicketCommand,
    /** A new ticket: its stream is fresh and its community comes from the request. */
    options: Readonly<{ newTicketIn?: string }> = {},
  ): Promise<CommandResult> {
    const result = await this.commands.execute(
      new DecideCommand({
        id: ticketId,
        streamId: ticketStream(ticketId),
        evolver: ticketDecider,
        ctx,
        freshStream: options.newTicketIn !== undefined,
        onGuardChanged: (streamId) => this.communities.forget(streamId),
        decide: async (state) => {
          const communityId = state.exists ? state.communityId : options.newTicketIn;
          const decideOn = (community: KnownCommunity | null) => {
            const managingCompanyId = state.exists && community?.state.exists ? community.state.propertyCompanyId : null;
            const events = decideTicket(make({ actor: ctx.actor, now: ctx.now, managingCompanyId }, community?.state ?? null), state);
            return { events, guard: community?.guard };
          };
          const community = communityId === undefined ? null : await this.communities.get(communityId);
          try {
            return decideOn(community);
          } catch (error) {
            // A refusal appends nothing, so no guard would notice a stale copy: look again once.
            if (!(error instanceof DomainError) || !community?.cached) throw error;
            this.communities.forget(community.guard.streamId);
            return decideOn(await this.communities.get(communityId!));
          }
        },
      }),
    );
    return answer(reply, result);
  }
}
