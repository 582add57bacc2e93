import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { BuildingView } from '@jinlin/projections';

export class ListBuildingsQuery extends Query<{ items: BuildingView[] }> {
  constructor(
    readonly communityId: string,
    readonly user: Principal,
  ) {
    super();
  }
}
