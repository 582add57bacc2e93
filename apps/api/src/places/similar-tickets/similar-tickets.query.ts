import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { SimilarTicket } from '@jinlin/projections';

export class SimilarTicketsQuery extends Query<{ items: SimilarTicket[] }> {
  constructor(
    readonly ticketId: string,
    readonly user: Principal,
  ) {
    super();
  }
}
