import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { HandoverView } from '../list-handovers/list-handovers.query';

export class GetHandoverQuery extends Query<HandoverView> {
  constructor(
    readonly user: Principal,
    readonly handoverId: string,
  ) {
    super();
  }
}
