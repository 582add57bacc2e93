import { Injectable } from '@nestjs/common';
import {
  DEFAULT_WORKING_HOURS,
  decideTicket,
  DomainError,
  type Community,
  type Ticket,
  type TicketCommand,
  type TicketCommandMetadata,
  type TicketEvent,
} from '@jinlin/domain';
import { Calendars } from '../calendars/calendars';
import type { CommandContext } from '../commands/command-context';
import { CommunityStates, type KnownCommunity } from '../commands/community-states';
import type { Decide } from '../commands/handle-command';

/** Builds the domain command once the community is known (a new ticket needs the whole community). */
export type MakeTicketCommand = (metadata: TicketCommandMetadata, community: Community | null) => TicketCommand;

/**
 * What every ticket command decides on besides the ticket: its community as it is now (who manages
 * it, its SLA policies, its working hours) and the calendar in force. The append is guarded by the community's version, so a stale cached copy
 * fails the append and the command is decided again (see CommunityStates).
 */
@Injectable()
export class TicketDecisions {
  constructor(
    private readonly communities: CommunityStates,
    private readonly calendars: Calendars,
  ) {}

  /** `newTicketIn`: a ticket being filed, whose community comes from the request. */
  decide(ctx: CommandContext, make: MakeTicketCommand, newTicketIn?: string): Decide<Ticket, TicketEvent> {
    return async (state) => {
      const communityId = state.exists ? state.communityId : newTicketIn;
      const decideOn = (community: KnownCommunity | null) => {
        const known = community?.state.exists ? community.state : null;
        const managingCompanyId = state.exists && known ? known.propertyCompanyId : null;
        const businessClock = { hours: known?.workingHours ?? DEFAULT_WORKING_HOURS, calendar: this.calendars.current() };
        const metadata = { actor: ctx.actor, now: ctx.now, managingCompanyId, businessClock };
        const events = decideTicket(make(metadata, community?.state ?? null), state);
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
    };
  }

  /** For handleCommand's onGuardChanged: the community moved, so the cached copy goes. */
  readonly forget = (streamId: string): void => this.communities.forget(streamId);
}
