import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { handoverView } from '@jinlin/projections';

export type HandoverView = ReturnType<typeof handoverView>;

export class ListHandoversQuery extends Query<{ items: HandoverView[] }> {
  constructor(
    readonly user: Principal,
    readonly communityId: string | undefined,
  ) {
    super();
  }
}
