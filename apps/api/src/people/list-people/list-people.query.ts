import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { PersonView } from '../person-view';
import type { ListPeopleDto } from './list-people.dto';

export class ListPeopleQuery extends Query<{ items: PersonView[]; nextCursor: string | null }> {
  constructor(
    readonly filter: ListPeopleDto,
    readonly actor: Principal,
  ) {
    super();
  }
}
