import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { DeliveryView } from '@jinlin/projections';

export class ListDeliveriesQuery extends Query<{ items: DeliveryView[] }> {
  constructor(
    readonly webhookId: string,
    readonly user: Principal,
    readonly limit: number,
    readonly before?: number,
  ) {
    super();
  }
}
