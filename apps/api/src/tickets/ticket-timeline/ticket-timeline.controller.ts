import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { canSeeTicket, DomainError, seesInternal, ticketDecider, ticketStream, type Principal, type TicketEvent } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { managingCompanyOf } from '../../commands/load';
import { CurrentUser } from '../../http/current-user.decorator';
import { TicketIdPipe } from '../ticket-id.pipe';

@ApiTags('tickets')
@ApiBearerAuth()
@Controller('tickets')
export class TicketTimelineController {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  /** Every event of the ticket, in order, and whether its hash chain still verifies. */
  @Get(':id/timeline')
  @ApiOperation({ summary: 'the audit timeline: every event, in order, with the hash-chain verdict' })
  async timeline(@Param('id', TicketIdPipe) id: string, @CurrentUser() user: Principal) {
    const events = await this.store.readStream(ticketStream(id));
    const state = events.reduce(
      (s, e) => ticketDecider.evolve(s, { type: e.type, data: e.data } as unknown as TicketEvent),
      ticketDecider.initialState(),
    );
    if (!state.exists) throw new DomainError('TICKET_NOT_FOUND');
    const scope = { ...state, managingCompanyId: await managingCompanyOf(this.store, state.communityId) };
    if (!canSeeTicket(user, scope)) throw new DomainError('TICKET_NOT_FOUND');
    const internalToo = seesInternal(user, scope);
    const verdict = await this.store.verifyStream(ticketStream(id));
    return {
      ticketId: id,
      events: events
        .filter((e) => internalToo || !(e.type === 'TicketCommented' && e.data.internal === true))
        .map((e) => ({
          position: e.globalPosition,
          version: e.streamVersion,
          type: e.type,
          at: e.recordedAt.toISOString(),
          actor: e.metadata.actor ?? null,
          data: e.data,
          hash: e.hash,
        })),
      chain: verdict.valid ? 'valid' : 'broken',
    };
  }
}
