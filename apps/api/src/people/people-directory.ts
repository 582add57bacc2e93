import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  communityStream,
  companyStream,
  hasRole,
  NO_SCOPE,
  personDecider,
  personStream,
  type PeopleScope,
  type Person,
  type PersonLookups,
  type Principal,
} from '@jinlin/domain';
import { aggregateStream, EVENT_STORE, type Aggregate, type EventStore } from '@jinlin/event-store';

/** What a name shows once the person's personal data is erased (SPEC §2.1). */
export const ERASED_NAME = '[已删除]';

/**
 * The people directory as the rest of the service asks it: who a person is (from their stream, so a
 * decision never waits on a projection), their display names (from the personal-data table, at read
 * time), and a caller's scope over people.
 */
@Injectable()
export class PeopleDirectory {
  constructor(
    private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  /** The person as the log says: for commands that name one (assignee, reporter, step owner). */
  async person(personId: string): Promise<Person> {
    return (await this.personState(personId)).state;
  }

  personState(personId: string): Promise<Aggregate<Person>> {
    return aggregateStream(this.store, personStream(personId), personDecider);
  }

  /** Display names by id: erased people show [已删除]; ids not in the directory are absent. */
  async names(ids: Iterable<string>): Promise<Map<string, string>> {
    const wanted = [...new Set(ids)];
    const names = new Map<string, string>();
    if (wanted.length === 0) return names;
    const rows: { person_id: string; name: string | null; erased: boolean }[] = await this.db.query(
      `SELECT person_id, name, erased_at IS NOT NULL AS erased FROM pd_people WHERE person_id = ANY($1)`,
      [wanted],
    );
    for (const r of rows) {
      if (r.erased) names.set(r.person_id, ERASED_NAME);
      else if (r.name !== null) names.set(r.person_id, r.name);
    }
    return names;
  }

  async name(id: string): Promise<string | null> {
    return (await this.names([id])).get(id) ?? null;
  }

  /** The communities the caller's company manages now, and the companies managing the caller's communities. */
  async scopeOf(actor: Principal): Promise<PeopleScope> {
    if (hasRole(actor, 'admin')) return NO_SCOPE;
    const managed: { id: string }[] = actor.companyId
      ? await this.db.query(`SELECT id FROM rm_communities WHERE property_company_id = $1`, [actor.companyId])
      : [];
    const companies: { property_company_id: string }[] = actor.communities.length
      ? await this.db.query(`SELECT DISTINCT property_company_id FROM rm_communities WHERE id = ANY($1)`, [actor.communities])
      : [];
    return { managedCommunities: managed.map((r) => r.id), companiesOfMyCommunities: companies.map((r) => r.property_company_id) };
  }

  /** What a registration or role change is decided on, read from the log. */
  async lookups(actor: Principal, companyId: string | null, communities: readonly string[]): Promise<PersonLookups> {
    const exists = async (streamId: string) => (await this.store.readStream(streamId)).length > 0;
    const [scope, companyExists, known] = await Promise.all([
      this.scopeOf(actor),
      companyId ? exists(companyStream(companyId)) : Promise.resolve(false),
      Promise.all(communities.map((c) => exists(communityStream(c)))),
    ]);
    return { scope, companyExists, unknownCommunities: communities.filter((_, i) => !known[i]) };
  }
}
