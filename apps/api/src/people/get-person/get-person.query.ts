import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { PersonView } from '../person-view';

export class GetPersonQuery extends Query<PersonView> {
  constructor(
    readonly personId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
