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
import { NotifierContext, type ContextKeys } from './notifier-context';

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
    await ctx.save(tx);
    await insert(tx, rows);
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

/** One statement for the batch; the same (event, recipient) twice is written once. Then each recipient's streams wake. */
async function insert(tx: EntityManager, rows: readonly Row[]): Promise<void> {
  if (!rows.length) return;
  const added: { recipient_id: string }[] = await tx.query(
    `INSERT INTO rm_notifications (recipient_id, event_id, event_position, event_type, ticket_id, summary, created_at)
     SELECT r.recipient, r."eventId", r.position, r.type, r."ticketId", r.summary, r.at
       FROM jsonb_to_recordset($1::jsonb) AS r(recipient text, "eventId" text, position bigint, type text, "ticketId" text, summary text, at timestamptz)
      ORDER BY r.position, r.recipient
     ON CONFLICT (event_id, recipient_id) DO NOTHING
     RETURNING recipient_id`,
    [JSON.stringify(rows)],
  );
  const recipients = [...new Set(added.map((r) => r.recipient_id))];
  if (recipients.length) {
    await tx.query(`SELECT pg_notify($1, r) FROM unnest($2::text[]) AS r`, [NOTIFICATIONS_CHANNEL, recipients]);
  }
}
