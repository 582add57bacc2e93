import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { NamedTicketView } from '../ticket-names';

/** One ticket as the caller may see it, with its people's names; none outside the caller's scope. */
export class GetTicketQuery extends Query<NamedTicketView> {
  constructor(
    readonly ticketId: string,
    readonly user: Principal,
  ) {
    super();
  }
}
