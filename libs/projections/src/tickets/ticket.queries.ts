import { Brackets, type DataSource, type SelectQueryBuilder } from 'typeorm';
import { hasRole, OVERSEER_ROLES, type Principal } from '@jinlin/domain';
import { TicketRow } from './ticket.entity';
import { visibleTo, type VisibleTicketView } from './ticket-privacy';
import { ticketView } from './ticket.view';

export type TicketFilters = Readonly<{
  communityId?: string;
  status?: string;
  category?: string;
  assigneeId?: string;
  /** A building code; codes are per community, so callers pair it with communityId. */
  building?: string;
  overdue?: boolean;
  /** SPEC §4.4: only tickets on hold (true), or none of them (false). */
  waiting?: boolean;
  q?: string;
  reporterId?: string;
  escalationLevel?: string;
  visibility?: 'community';
  cursor?: string;
  limit: number;
}>;

const ACTIVE = ['open', 'acknowledged', 'in_progress', 'waiting'];

/**
 * Past its resolve deadline and still owed. A ticket waiting on the resident since before its
 * deadline has a stopped clock, so it is not overdue (the resume pushes the deadline back); one
 * that was overdue before the wait began stays overdue, as the decider's breach does.
 */
const OVERDUE = `t.status IN (:...active) AND t.resolve_by < now()
  AND (t.waiting_on IS DISTINCT FROM 'resident' OR t.waiting_since > t.resolve_by)`;

/** What a caller may see (SPEC §2), as a WHERE clause; admin sees all. The domain's canSeeTicket, in SQL. */
export function scoped(qb: SelectQueryBuilder<TicketRow>, actor: Principal): SelectQueryBuilder<TicketRow> {
  if (hasRole(actor, 'admin')) return qb;
  return qb.andWhere(visibleWhere(actor, { neighbours: true }));
}

/**
 * The tickets the caller sees whole: all they see but a neighbour's community-visible tickets,
 * of which only the title, category, public place, status and support count are theirs (SPEC
 * §4.7). Filters and search on anything else apply to these only, so that a neighbour cannot read
 * a description, an assignee or an escalation by narrowing a query until it answers.
 */
function seenWhole(actor: Principal): Brackets {
  return hasRole(actor, 'admin') ? new Brackets((w) => w.where('true')) : visibleWhere(actor, { neighbours: false });
}

function visibleWhere(actor: Principal, { neighbours }: { neighbours: boolean }): Brackets {
  const tag = neighbours ? 'n' : 'w';
  return new Brackets((w) => {
    w.where('false');
    if (hasRole(actor, ...OVERSEER_ROLES) && actor.communities.length)
      w.orWhere(`t.community_id IN (:...overseen_${tag})`, { [`overseen_${tag}`]: actor.communities });
    if (hasRole(actor, 'staff', 'manager') && actor.companyId) {
      w.orWhere(`t.community_id IN (SELECT c.id FROM rm_communities c WHERE c.property_company_id = :companyId_${tag})`, {
        [`companyId_${tag}`]: actor.companyId,
      });
    }
    if (hasRole(actor, 'resident')) w.orWhere(`t.reporter_id = :me_${tag}`, { [`me_${tag}`]: actor.id });
    // Neighbours see the community-visible tickets of their communities (SPEC §4.7), in part.
    if (neighbours && hasRole(actor, 'resident') && actor.communities.length)
      w.orWhere(`(t.visibility = 'community' AND t.community_id IN (:...residentOf))`, { residentOf: actor.communities });
  });
}

/**
 * `reporterId=` finds only tickets on which the caller may see who reported them (seesReporter and
 * the neighbour's view, in SQL): admin and the reporter everything; the community's overseers their
 * communities; the company's people only tickets that are not anonymous; a resident, only their own.
 */
function byReporter(qb: SelectQueryBuilder<TicketRow>, actor: Principal, reporterId: string): void {
  qb.andWhere('t.reporter_id = :reporterId', { reporterId });
  if (hasRole(actor, 'admin') || actor.id === reporterId) return;
  const overseen = hasRole(actor, ...OVERSEER_ROLES) ? actor.communities : [];
  qb.andWhere(
    new Brackets((w) => {
      w.where(hasRole(actor, 'staff', 'manager') ? 'NOT t.anonymous' : 'false');
      if (overseen.length) w.orWhere('t.community_id IN (:...overseenByMe)', { overseenByMe: overseen });
    }),
  );
}

export async function findTicket(db: DataSource, actor: Principal, id: string): Promise<VisibleTicketView | null> {
  const row = await scoped(db.getRepository(TicketRow).createQueryBuilder('t').where('t.id = :id', { id }), actor).getOne();
  return row ? visibleTo(actor, ticketView(row)) : null;
}

export async function listTickets(
  db: DataSource,
  actor: Principal,
  f: TicketFilters,
): Promise<{ items: VisibleTicketView[]; nextCursor: string | null }> {
  const qb = scoped(db.getRepository(TicketRow).createQueryBuilder('t').where('true'), actor);
  if (f.communityId) qb.andWhere('t.community_id = :communityId', { communityId: f.communityId });
  if (f.status) qb.andWhere('t.status = :status', { status: f.status });
  if (f.category) qb.andWhere('t.category = :category', { category: f.category });
  if (f.building) qb.andWhere('t.building = :building', { building: f.building });
  if (f.assigneeId) qb.andWhere('t.assignee_id = :assigneeId', { assigneeId: f.assigneeId }).andWhere(seenWhole(actor));
  if (f.overdue) qb.andWhere(OVERDUE, { active: ACTIVE });
  if (f.waiting !== undefined) qb.andWhere(f.waiting ? `t.status = 'waiting'` : `t.status <> 'waiting'`);
  if (f.reporterId) byReporter(qb, actor, f.reporterId);
  if (f.escalationLevel) {
    qb.andWhere('t.escalation_level = :escalationLevel', { escalationLevel: f.escalationLevel }).andWhere(seenWhole(actor));
  }
  if (f.visibility) qb.andWhere('t.visibility = :visibility', { visibility: f.visibility });
  if (f.q) {
    const q = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    qb.andWhere(
      new Brackets((w) => {
        // Both sides can use a trigram index (on title || description, and on title alone).
        w.where('t.title ILIKE :q', { q }).orWhere(
          new Brackets((whole) => whole.where(`(t.title || ' ' || t.description) ILIKE :q`).andWhere(seenWhole(actor))),
        );
      }),
    );
  }
  if (f.cursor) {
    const { filedAt, id } = decodeCursor(f.cursor);
    qb.andWhere('(t.filed_at, t.id) < (:filedAt, :id)', { filedAt, id });
  }
  const rows = await qb
    .orderBy('t.filed_at', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .limit(f.limit + 1)
    .getMany();
  const page = rows.slice(0, f.limit);
  const last = page[page.length - 1];
  return { items: page.map((r) => visibleTo(actor, ticketView(r))), nextCursor: rows.length > f.limit && last ? encodeCursor(last) : null };
}

const encodeCursor = (r: TicketRow) => Buffer.from(JSON.stringify([new Date(r.filedAt).toISOString(), r.id])).toString('base64url');

export class BadCursor extends Error {}

const ISO_INSTANT = /^(?!0000)\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

function decodeCursor(cursor: string): { filedAt: string; id: string } {
  try {
    const [filedAt, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    // Exactly as encodeCursor wrote it: an ISO instant PostgreSQL takes, and an id without NUL.
    if (typeof filedAt !== 'string' || typeof id !== 'string' || !ISO_INSTANT.test(filedAt) || id.includes('\0')) throw new Error('shape');
    if (new Date(filedAt).toISOString() !== filedAt) throw new Error('not a real instant');
    return { filedAt, id };
  } catch {
    throw new BadCursor('cursor is not one this service gave out');
  }
}
