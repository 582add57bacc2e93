import { Inject, Logger } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ticketDecider, ticketStream, type Ticket, type TicketCommand, type TicketCommandMetadata } from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { CommunityStates } from '../../commands/community-states';
import { alsoGuardedBy, handleCommand } from '../../commands/handle-command';
import { KeyedTurns } from '../../commands/keyed-turns';
import { TicketDecisions } from '../ticket-decisions';
import { MergeTicketCommand, RecordDuplicateMergedCommand } from './merge-ticket.command';

/**
 * A merge writes two streams. The duplicate's TicketMerged is decided on both tickets (the primary
 * read fresh on every attempt) and appended under two guards: the community's, like every ticket
 * command, so a handover's completion still shuts the outgoing company out at once, and the
 * primary's stream at the version decided on. So A into B and B into A, sent at once to any
 * instances, cannot both pass and leave no open ticket: the second append finds its primary moved
 * (the first one's TicketMerged), is decided again, and is refused (409). The primary's
 * TicketDuplicateMerged follows from it: sent here at once, and again by MergeProcess from the log
 * after a crash in between. That half is idempotent, so the pair is always completed, never doubled.
 *
 * Merges of one community also take turns in this process: two crossed merges here then never
 * spend an attempt on a guard that is bound to fail.
 */
@CommandHandler(MergeTicketCommand)
export class MergeTicketHandler implements ICommandHandler<MergeTicketCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly tickets: TicketDecisions,
    private readonly communities: CommunityStates,
    private readonly commands: CommandBus,
  ) {}

  private readonly log = new Logger('merge');
  private readonly turns = new KeyedTurns();

  async execute(command: MergeTicketCommand) {
    const duplicate = (await aggregateStream(this.store, ticketStream(command.ticketId), ticketDecider)).state;
    return this.turns.run(duplicate.exists ? duplicate.communityId : command.ticketId, () => this.merge(command));
  }

  private async merge({ ticketId, intoTicketId, ctx }: MergeTicketCommand) {
    const decide = async (state: Ticket) => {
      const primary = intoTicketId === ticketId ? null : await aggregateStream(this.store, ticketStream(intoTicketId), ticketDecider);
      const into = primary ? primary.state : state;
      const intoCommunity = into.exists ? (await this.communities.get(into.communityId)).state : null;
      const intoManagingCompanyId = intoCommunity?.exists ? intoCommunity.propertyCompanyId : null;
      const make = (metadata: TicketCommandMetadata): TicketCommand => ({
        type: 'MergeTicket',
        data: { intoTicketId, into, intoManagingCompanyId },
        metadata,
      });
      const decision = await this.tickets.decide(ctx, make)(state);
      if (!primary) return decision;
      // Decided on the primary as it is now: it must still be so when TicketMerged is stored.
      return alsoGuardedBy(decision, { streamId: ticketStream(intoTicketId), version: primary.version });
    };
    const result = await handleCommand(this.store, ticketStream(ticketId), ticketDecider, decide, {
      id: ticketId,
      ctx,
      onGuardChanged: this.tickets.forget,
    });
    // Not the request's If-Match or Idempotency-Key: those were the duplicate's.
    const follow = {
      actor: ctx.actor,
      now: ctx.now,
      correlationId: ctx.correlationId,
      causationId: `${ticketStream(ticketId)}@${result.version}`,
    };
    try {
      const primary = await this.commands.execute(
        new RecordDuplicateMergedCommand(intoTicketId, ticketId, { id: ctx.actor.id, roles: ctx.actor.roles }, follow),
      );
      // The answer's position covers both halves, so ?minPosition= with it reads the primary's too.
      return { ...result, position: Math.max(result.position, primary.position) };
    } catch (error) {
      // The merge has happened (TicketMerged is stored): MergeProcess records the primary's half from the log.
      this.log.warn(
        `the primary's half of merging ${ticketId} into ${intoTicketId} is left to the merge process: ${(error as Error).message}`,
      );
    }
    return result;
  }
}

@CommandHandler(RecordDuplicateMergedCommand)
export class RecordDuplicateMergedHandler implements ICommandHandler<RecordDuplicateMergedCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ primaryId, duplicateId, mergedBy, ctx }: RecordDuplicateMergedCommand) {
    const duplicate = (await aggregateStream(this.store, ticketStream(duplicateId), ticketDecider)).state;
    const metadata = { actor: ctx.actor, now: ctx.now, managingCompanyId: null };
    const decide = (state: Ticket) => ({
      events: ticketDecider.decide({ type: 'RecordDuplicateMerged', data: { duplicateId, duplicate, mergedBy }, metadata }, state),
    });
    return handleCommand(this.store, ticketStream(primaryId), ticketDecider, decide, { id: primaryId, ctx });
  }
}
