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

/** What a batch needs to look up before its fold: the tickets, companies, communities and people it names. */
export type ContextKeys = Readonly<{ tickets: string[]; companies: string[]; communities: string[]; people: string[] }>;

/**
 * What the notifier knows, for one batch: read in three queries, folded in memory in log order,
 * written back once. The directory here is the notifier's own fold of the person events (not
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

  static async load(tx: EntityManager, keys: ContextKeys, position: number): Promise<NotifierContext> {
    const tickets: TicketRecord[] = await tx.query(`SELECT * FROM rm_notification_tickets WHERE ticket_id = ANY($1)`, [keys.tickets]);
    const companies = [...new Set([...keys.companies, ...tickets.map((t) => t.company_id)])];
    const communities = [...new Set([...keys.communities, ...tickets.map((t) => t.community_id)])];
    const named = [...keys.people, ...tickets.flatMap((t) => [t.reporter_id, t.assignee_id, ...t.supporters].filter((id) => id !== null))];
    // The companies' people and the communities' overseers by role; residents only by name (a
    // reporter, a supporter): an estate's thousand households are not read for every batch.
    const people: PersonRecord[] = await tx.query(
      `SELECT id, roles, communities, company_id, erased FROM rm_notification_people
        WHERE company_id = ANY($1) OR (communities && $2::text[] AND roles && $3::text[]) OR id = ANY($4)`,
      [companies, communities, OVERSEER_ROLES, [...new Set(named)]],
    );
    const names: { id: string; name: string }[] = await tx.query(`SELECT id, name FROM rm_notification_communities WHERE id = ANY($1)`, [
      communities,
    ]);
    return new NotifierContext(
      new Map(tickets.map((t) => [t.ticket_id, ticketOf(t)])),
      new Map(
        people.map((p) => [p.id, { id: p.id, roles: p.roles, communities: p.communities, companyId: p.company_id, erased: p.erased }]),
      ),
      new Map(names.map((c) => [c.id, c.name])),
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

  async save(tx: EntityManager): Promise<void> {
    const p = this.position;
    if (this.changedTickets.size) {
      const rows = [...this.changedTickets].map((id) => recordOf(this.tickets.get(id)!));
      await tx.query(
        `INSERT INTO rm_notification_tickets (ticket_id, community_id, company_id, reporter_id, assignee_id, escalation_level, supporters, title, position)
         SELECT r.ticket_id, r.community_id, r.company_id, r.reporter_id, r.assignee_id, r.escalation_level, r.supporters, r.title, $2
           FROM jsonb_to_recordset($1::jsonb) AS r(ticket_id text, community_id text, company_id text, reporter_id text,
                assignee_id text, escalation_level text, supporters text[], title text)
         ON CONFLICT (ticket_id) DO UPDATE SET company_id = EXCLUDED.company_id, assignee_id = EXCLUDED.assignee_id,
           escalation_level = EXCLUDED.escalation_level, supporters = EXCLUDED.supporters, position = EXCLUDED.position
         WHERE rm_notification_tickets.position < EXCLUDED.position`,
        [JSON.stringify(rows), p],
      );
    }
    if (this.changedPeople.size) {
      const rows = [...this.changedPeople].map((id) => this.people.get(id)!);
      await tx.query(
        `INSERT INTO rm_notification_people (id, roles, communities, company_id, erased, position)
         SELECT r.id, r.roles, r.communities, r."companyId", r.erased, $2
           FROM jsonb_to_recordset($1::jsonb) AS r(id text, roles text[], communities text[], "companyId" text, erased boolean)
         ON CONFLICT (id) DO UPDATE SET roles = EXCLUDED.roles, communities = EXCLUDED.communities, erased = EXCLUDED.erased,
           position = EXCLUDED.position
         WHERE rm_notification_people.position < EXCLUDED.position`,
        [JSON.stringify(rows), p],
      );
    }
    for (const id of this.changedCommunities) {
      await tx.query(`INSERT INTO rm_notification_communities (id, name, position) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING`, [
        id,
        this.communityNames.get(id),
        p,
      ]);
    }
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
