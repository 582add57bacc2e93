import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { WebhookView } from '@jinlin/projections';

export class ListWebhooksQuery extends Query<{ items: WebhookView[] }> {
  constructor(readonly user: Principal) {
    super();
  }
}
