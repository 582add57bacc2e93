import type { CommandBus } from '@nestjs/cqrs';
import type { EntityManager } from 'typeorm';
import type { Principal, TicketMerged } from '@jinlin/domain';
import { typedAs, type StoredEvent } from '@jinlin/event-store';
import type { Projection } from '@jinlin/projections';
import { RecordDuplicateMergedCommand } from './merge-ticket.command';

const SYSTEM: Principal = { id: 'system:merge', roles: ['admin'], communities: [] };

/**
 * The crash-safe half of a merge: for every TicketMerged in the log, the primary records
 * TicketDuplicateMerged. Normally the merge handler has done it already and this appends nothing;
 * after a crash between the two appends it completes the pair. Its checkpoint moves only after
 * the command answered, so a failure is retried.
 */
export class MergeProcess implements Projection {
  readonly name = 'merge-process';
  readonly handles = ['TicketMerged'];
  readonly tables = [];
  readonly transactional = false;

  constructor(private readonly commands: CommandBus) {}

  async apply(events: readonly StoredEvent[], _db: EntityManager): Promise<void> {
    for (const e of typedAs<TicketMerged>(events)) {
      const { ticketId, intoTicketId, by } = e.data;
      const ctx = {
        actor: SYSTEM,
        now: new Date().toISOString(),
        correlationId: String(e.metadata.correlationId ?? ticketId),
        causationId: `${e.streamId}@${e.streamVersion}`,
      };
      await this.commands.execute(new RecordDuplicateMergedCommand(intoTicketId, ticketId, by, ctx));
    }
  }
}
