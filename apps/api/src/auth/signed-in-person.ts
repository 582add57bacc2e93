import { Injectable } from '@nestjs/common';
import type { Principal } from '@jinlin/domain';
import { PeopleDirectory } from '../people/people-directory';

/** Who a session speaks for: roles, communities and company from the person's stream, the name from pd_people. */
export type SignedInPerson = Readonly<{
  id: string;
  name: string | null;
  roles: Principal['roles'];
  communities: Principal['communities'];
  companyId: string | null;
}>;

export const principalOf = (p: SignedInPerson): Principal => ({
  id: p.id,
  name: p.name ?? undefined,
  roles: p.roles,
  communities: p.communities,
  companyId: p.companyId ?? undefined,
});

@Injectable()
export class SignedInPeople {
  constructor(private readonly directory: PeopleDirectory) {}

  /** The person as their stream says now (a role change applies to open sessions at once); null once erased. */
  async find(personId: string, name: string | null): Promise<SignedInPerson | null> {
    const person = await this.directory.person(personId);
    if (!person.exists || person.erased) return null;
    return { id: person.id, name, roles: person.roles, communities: person.communities, companyId: person.companyId };
  }
}
