import type { EntityManager } from 'typeorm';
import {
  evolveNotifiedTicket,
  NOTIFIED_TICKET_EVENT_TYPES,
  NOTIFYING_EVENT_TYPES,
  PERSON_EVENT_TYPES,
  recipientsOf,
  summaryOf,
  type CommunityRegistered,
  type PersonEvent,
  type TicketEvent,
} from '@jinlin/domain';
import { eventId, type StoredEvent } from '@jinlin/event-store';
import { exhaustive, type Projection } from '../engine/projection';
import { NotifierContext, type ContextChanges, type ContextKeys } from './notifier-context';

/** The channel the projection's transaction NOTIFYs with a recipient's id: heard once it commits. */
export const NOTIFICATIONS_CHANNEL = 'jinlin_notifications';

type NotifierTicketEvent = Extract<
  TicketEvent,
  { type: (typeof NOTIFYING_EVENT_TYPES)[number] | (typeof NOTIFIED_TICKET_EVENT_TYPES)[number] }
>;
export type NotifierEvent = NotifierTicketEvent | PersonEvent | CommunityRegistered;

type Row = { recipient: string; eventId: string; position: number; type: string; ticketId: string; summary: string; at: string };

/**
 * The in-app notifications of SPEC §9: one row per (event, recipient), written once however often
 * the event is delivered (unique on event id and recipient). `tables` leaves rm_notifications
 * out on purpose: a rebuild refolds the context and replays, and the rows already there stay, read
 * marks and ids included, so nobody is told again and no stream sees an id twice.
 */
export class NotificationsProjection implements Projection<NotifierEvent> {
  readonly name = 'notifications';
  readonly handles: readonly NotifierEvent['type'][] = [
    ...new Set([...NOTIFIED_TICKET_EVENT_TYPES, ...NOTIFYING_EVENT_TYPES]),
    ...PERSON_EVENT_TYPES,
    'CommunityRegistered',
  ];
  readonly tables = ['rm_notification_tickets', 'rm_notification_people', 'rm_notification_communities'];

  async apply(events: readonly StoredEvent<NotifierEvent>[], tx: EntityManager): Promise<void> {
    const ctx = await NotifierContext.load(tx, keysOf(events), events[events.length - 1].globalPosition);
    const rows: Row[] = [];
    const erased: string[] = [];
    for (const e of events) {
      switch (e.type) {
        case 'PersonRegistered':
        case 'PersonRolesChanged':
          ctx.applyPerson(e);
          break;
        case 'PersonalDataErased':
          ctx.applyPerson(e);
          erased.push(e.data.personId);
          break;
        case 'CommunityRegistered':
          ctx.nameCommunity(e.data.communityId, e.data.name);
          break;
        default:
          rows.push(...this.tell(e, ctx));
      }
    }
    await write(tx, ctx.changes(), rows);
    // An erased person signs in no more: what they were told goes with their name.
    if (erased.length) await tx.query(`DELETE FROM rm_notifications WHERE recipient_id = ANY($1)`, [erased]);
  }

  private tell(e: StoredEvent<NotifierTicketEvent>, ctx: NotifierContext): Row[] {
    const before = ctx.tickets.get(e.data.ticketId);
    const ticket = evolveNotifiedTicket(before, e);
    if (!ticket) return [];
    if (ticket !== before) ctx.setTicket(ticket);
    if (!tells(e.type)) return [];
    const summary = summaryOf(e, ticket, ctx.communityName(ticket.communityId));
    const base = { eventId: eventId(e), position: e.globalPosition, type: e.type, ticketId: ticket.ticketId, summary };
    const at = e.recordedAt.toISOString();
    return recipientsOf(e, ticket, ctx.peopleOf(ticket)).map((recipient) => ({ ...base, recipient, at }));
  }
}

const TELLING: ReadonlySet<string> = new Set(NOTIFYING_EVENT_TYPES);
const tells = (type: string) => TELLING.has(type);

function keysOf(events: readonly StoredEvent<NotifierEvent>[]): ContextKeys {
  const keys = { tickets: new Set<string>(), companies: new Set<string>(), communities: new Set<string>(), people: new Set<string>() };
  for (const e of events) {
    switch (e.type) {
      case 'PersonRegistered':
      case 'PersonRolesChanged':
      case 'PersonalDataErased':
        keys.people.add(e.data.personId);
        break;
      case 'CommunityRegistered':
        break;
      case 'TicketFiled':
        keys.companies.add(e.data.companyId);
        keys.communities.add(e.data.communityId);
        keys.tickets.add(e.data.ticketId);
        if (e.data.reporterId) keys.people.add(e.data.reporterId);
        break;
      case 'TicketTransferred':
        keys.companies.add(e.data.toCompanyId);
        keys.tickets.add(e.data.ticketId);
        break;
      case 'TicketAssigned':
        keys.people.add(e.data.assigneeId);
        keys.tickets.add(e.data.ticketId);
        break;
      case 'TicketSupported':
        keys.people.add(e.data.by.id);
        keys.tickets.add(e.data.ticketId);
        break;
      case 'TicketDuplicateMerged':
        if (e.data.supporterId) keys.people.add(e.data.supporterId);
        keys.tickets.add(e.data.ticketId);
        break;
      case 'TicketEscalated':
      case 'TicketSlaWarning':
      case 'TicketSlaBreached':
      case 'TicketResolved':
      case 'TicketCommented':
      case 'TicketWaiting':
        keys.tickets.add(e.data.ticketId);
        break;
      default:
        exhaustive(e, undefined);
    }
  }
  return { tickets: [...keys.tickets], companies: [...keys.companies], communities: [...keys.communities], people: [...keys.people] };
}

/**
 * The batch's one write, one round trip: the context rows it changed, its notifications (the same
 * (event, recipient) twice is written once), and a NOTIFY per recipient actually told, sent when
 * the transaction commits. Data-modifying CTEs all run whether the SELECT reads them or not; they
 * touch different tables, so none depends on what another writes.
 */
async function write(tx: EntityManager, changes: ContextChanges, rows: readonly Row[]): Promise<void> {
  const params: unknown[] = [];
  const param = (value: unknown) => `$${params.push(value)}`;
  let at: string | undefined;
  const position = () => (at ??= `${param(changes.position)}::bigint`);
  const ctes: string[] = [];
  if (changes.tickets.length) {
    ctes.push(`tickets AS (
      INSERT INTO rm_notification_tickets (ticket_id, community_id, company_id, reporter_id, assignee_id, escalation_level, supporters, title, position)
      SELECT r.ticket_id, r.community_id, r.company_id, r.reporter_id, r.assignee_id, r.escalation_level, r.supporters, r.title, ${position()}
        FROM jsonb_to_recordset(${param(JSON.stringify(changes.tickets))}::jsonb) AS r(ticket_id text, community_id text, company_id text,
             reporter_id text, assignee_id text, escalation_level text, supporters text[], title text)
      ON CONFLICT (ticket_id) DO UPDATE SET company_id = EXCLUDED.company_id, assignee_id = EXCLUDED.assignee_id,
        escalation_level = EXCLUDED.escalation_level, supporters = EXCLUDED.supporters, position = EXCLUDED.position
      WHERE rm_notification_tickets.position < EXCLUDED.position)`);
  }
  if (changes.people.length) {
    ctes.push(`people AS (
      INSERT INTO rm_notification_people (id, roles, communities, company_id, erased, position)
      SELECT r.id, r.roles, r.communities, r."companyId", r.erased, ${position()}
        FROM jsonb_to_recordset(${param(JSON.stringify(changes.people))}::jsonb) AS r(id text, roles text[], communities text[], "companyId" text, erased boolean)
      ON CONFLICT (id) DO UPDATE SET roles = EXCLUDED.roles, communities = EXCLUDED.communities, erased = EXCLUDED.erased,
        position = EXCLUDED.position
      WHERE rm_notification_people.position < EXCLUDED.position)`);
  }
  if (changes.communities.length) {
    ctes.push(`communities AS (
      INSERT INTO rm_notification_communities (id, name, position)
      SELECT r.id, r.name, ${position()} FROM jsonb_to_recordset(${param(JSON.stringify(changes.communities))}::jsonb) AS r(id text, name text)
      ON CONFLICT (id) DO NOTHING)`);
  }
  let notify = 'SELECT 1';
  if (rows.length) {
    ctes.push(`added AS (
      INSERT INTO rm_notifications (recipient_id, event_id, event_position, event_type, ticket_id, summary, created_at)
      SELECT r.recipient, r."eventId", r.position, r.type, r."ticketId", r.summary, r.at
        FROM jsonb_to_recordset(${param(JSON.stringify(rows))}::jsonb) AS r(recipient text, "eventId" text, position bigint, type text,
             "ticketId" text, summary text, at timestamptz)
       ORDER BY r.position, r.recipient
      ON CONFLICT (event_id, recipient_id) DO NOTHING
      RETURNING recipient_id)`);
    // Each recipient's streams wake, once per batch, and only for what was really added.
    notify = `SELECT pg_notify(${param(NOTIFICATIONS_CHANNEL)}, r) FROM (SELECT DISTINCT recipient_id AS r FROM added) AS told`;
  }
  if (!ctes.length) return;
  await tx.query(`WITH ${ctes.join(',\n')}\n${notify}`, params);
}
