import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { TicketView } from '@jinlin/projections';

/** One ticket as the caller may see it; none outside the caller's scope. */
export class GetTicketQuery extends Query<TicketView> {
  constructor(
    readonly ticketId: string,
    readonly user: Principal,
  ) {
    super();
  }
}
