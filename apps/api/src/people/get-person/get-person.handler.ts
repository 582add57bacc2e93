import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { mustSeePerson } from '@jinlin/domain';
import { PeopleDirectory } from '../people-directory';
import { personView } from '../person-view';
import { PersonalDataStore } from '../personal-data/personal-data.store';
import { GetPersonQuery } from './get-person.query';

/** Read from the person's stream, not the projection: a person just registered is found at once. */
@QueryHandler(GetPersonQuery)
export class GetPersonHandler implements IQueryHandler<GetPersonQuery> {
  constructor(
    private readonly directory: PeopleDirectory,
    private readonly personalData: PersonalDataStore,
  ) {}

  async execute({ personId, actor }: GetPersonQuery) {
    const [state, scope, row] = await Promise.all([
      this.directory.person(personId),
      this.directory.scopeOf(actor),
      this.personalData.get(personId),
    ]);
    const person = mustSeePerson(state, actor, scope);
    return personView(actor, person, row && { ...row, erased: person.erased || row.erasedAt !== null });
  }
}
