import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { TicketFilters } from '@jinlin/projections';
import type { NamedTicketView } from '../ticket-names';

export type TicketPage = Readonly<{ items: NamedTicketView[]; nextCursor: string | null }>;

/** Tickets in the caller's scope, newest first, one page after the cursor. */
export class ListTicketsQuery extends Query<TicketPage> {
  constructor(
    readonly user: Principal,
    readonly filters: TicketFilters,
  ) {
    super();
  }
}
