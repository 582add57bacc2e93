import type { EntityManager } from 'typeorm';
import {
  OVERSEER_ROLES,
  type DirectoryPerson,
  type EscalationLevel,
  type NotifiedTicket,
  type PersonEvent,
  type Role,
} from '@jinlin/domain';

type TicketRecord = {
  ticket_id: string;
  community_id: string;
  company_id: string;
  reporter_id: string | null;
  assignee_id: string | null;
  escalation_level: EscalationLevel | null;
  supporters: string[];
  title: string;
};
type PersonRecord = { id: string; roles: Role[]; communities: string[]; company_id: string | null; erased: boolean };

/** The context rows a batch changed, written with the batch's notifications. */
export type ContextChanges = Readonly<{
  position: number;
  tickets: readonly TicketRecord[];
  people: readonly DirectoryPerson[];
  communities: readonly { id: string; name: string }[];
}>;

/** What a batch needs to look up before its fold: the tickets, companies, communities and people it names. */
export type ContextKeys = Readonly<{ tickets: string[]; companies: string[]; communities: string[]; people: string[] }>;

/**
 * What the notifier knows, for one batch: read in one query, folded in memory in log order,
 * written back once, in the statement that writes the batch's notifications. The directory here is the notifier's own fold of the person events (not
 * another projection's table), so that whom an event tells depends only on the log up to that
 * event: a replay tells the same people, and a people projection running behind cannot make a
 * filing go untold.
 */
export class NotifierContext {
  private readonly changedTickets = new Set<string>();
  private readonly changedPeople = new Set<string>();
  private readonly changedCommunities = new Set<string>();
  private byCompany: Map<string, DirectoryPerson[]> | null = null;
  private byCommunity: Map<string, DirectoryPerson[]> | null = null;

  private constructor(
    readonly tickets: Map<string, NotifiedTicket>,
    private readonly people: Map<string, DirectoryPerson>,
    private readonly communityNames: Map<string, string>,
    private readonly position: number,
  ) {}

  /**
   * One statement (one round trip) for the batch: the tickets, then the companies' people, the
   * communities' overseers by role and everyone named, and the communities' names, the last two
   * keyed by what the batch names plus what its stored tickets name.
   */
  static async load(tx: EntityManager, keys: ContextKeys, position: number): Promise<NotifierContext> {
    // The companies' people and the communities' overseers by role; residents only by name (a
    // reporter, a supporter): an estate's thousand households are not read for every batch.
    const [found]: { tickets: TicketRecord[]; people: PersonRecord[]; communities: { id: string; name: string }[] }[] = await tx.query(
      `WITH t AS (SELECT * FROM rm_notification_tickets WHERE ticket_id = ANY($1)),
            k AS (SELECT $2::text[] || ARRAY(SELECT company_id FROM t) AS k_companies,
                         $3::text[] || ARRAY(SELECT community_id FROM t) AS k_communities,
                         $5::text[] || ARRAY(SELECT x FROM t, unnest(ARRAY[t.reporter_id, t.assignee_id] || t.supporters) AS x
                                              WHERE x IS NOT NULL) AS k_named)
       SELECT (SELECT coalesce(json_agg(t), '[]') FROM t) AS tickets,
              (SELECT coalesce(json_agg(p), '[]') FROM (
                 SELECT n.id, n.roles, n.communities, n.company_id, n.erased FROM rm_notification_people n
                  WHERE n.company_id = ANY((SELECT k_companies FROM k)::text[])
                     OR (n.communities && (SELECT k_communities FROM k) AND n.roles && $4::text[])
                     OR n.id = ANY((SELECT k_named FROM k)::text[])) p
              ) AS people,
              (SELECT coalesce(json_agg(c), '[]') FROM (
                 SELECT n.id, n.name FROM rm_notification_communities n WHERE n.id = ANY((SELECT k_communities FROM k)::text[])) c
              ) AS communities`,
      [keys.tickets, keys.companies, keys.communities, OVERSEER_ROLES, keys.people],
    );
    return new NotifierContext(
      new Map(found.tickets.map((t) => [t.ticket_id, ticketOf(t)])),
      new Map(
        found.people.map((p) => [
          p.id,
          { id: p.id, roles: p.roles, communities: p.communities, companyId: p.company_id, erased: p.erased },
        ]),
      ),
      new Map(found.communities.map((c) => [c.id, c.name])),
      position,
    );
  }

  setTicket(ticket: NotifiedTicket): void {
    this.tickets.set(ticket.ticketId, ticket);
    this.changedTickets.add(ticket.ticketId);
  }

  communityName(id: string): string | null {
    return this.communityNames.get(id) ?? null;
  }

  nameCommunity(id: string, name: string): void {
    if (this.communityNames.has(id)) return;
    this.communityNames.set(id, name);
    this.changedCommunities.add(id);
  }

  applyPerson(e: PersonEvent): void {
    const known = this.people.get(e.data.personId);
    let next: DirectoryPerson | undefined;
    if (e.type === 'PersonRegistered') {
      const d = e.data;
      next = known ?? { id: d.personId, roles: d.roles, communities: d.communities, companyId: d.companyId, erased: false };
    } else if (e.type === 'PersonRolesChanged') next = known && { ...known, roles: e.data.roles, communities: e.data.communities };
    else next = known && { ...known, erased: true };
    if (!next || next === known) return;
    this.people.set(next.id, next);
    this.changedPeople.add(next.id);
    this.byCompany = this.byCommunity = null;
  }

  /** The people an event of this ticket may concern: its company's, its community's, and those it names. */
  peopleOf(ticket: NotifiedTicket): DirectoryPerson[] {
    if (!this.byCompany || !this.byCommunity) this.index();
    const named = [ticket.reporterId, ticket.assigneeId, ...ticket.supporters].flatMap((id) => {
      const p = id === null ? undefined : this.people.get(id);
      return p ? [p] : [];
    });
    return [...new Set([...(this.byCompany!.get(ticket.companyId) ?? []), ...(this.byCommunity!.get(ticket.communityId) ?? []), ...named])];
  }

  /** What the batch changed, as rows for the batch's one write (see NotificationsProjection). */
  changes(): ContextChanges {
    return {
      position: this.position,
      tickets: [...this.changedTickets].map((id) => recordOf(this.tickets.get(id)!)),
      people: [...this.changedPeople].map((id) => this.people.get(id)!),
      communities: [...this.changedCommunities].map((id) => ({ id, name: this.communityNames.get(id)! })),
    };
  }

  private index(): void {
    this.byCompany = new Map();
    this.byCommunity = new Map();
    for (const person of this.people.values()) {
      if (person.companyId) push(this.byCompany, person.companyId, person);
      for (const c of person.communities) push(this.byCommunity, c, person);
    }
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

const ticketOf = (t: TicketRecord): NotifiedTicket => ({
  ticketId: t.ticket_id,
  communityId: t.community_id,
  companyId: t.company_id,
  reporterId: t.reporter_id,
  assigneeId: t.assignee_id,
  escalationLevel: t.escalation_level,
  supporters: t.supporters,
  title: t.title,
});

const recordOf = (t: NotifiedTicket): TicketRecord => ({
  ticket_id: t.ticketId,
  community_id: t.communityId,
  company_id: t.companyId,
  reporter_id: t.reporterId,
  assignee_id: t.assigneeId,
  escalation_level: t.escalationLevel,
  supporters: [...t.supporters],
  title: t.title,
});
