import type { DataSource } from 'typeorm';
import type { Principal, TicketLocation } from '@jinlin/domain';
import { TicketRow } from '../tickets/ticket.entity';
import { scoped } from '../tickets/ticket.queries';
import { asNeighbour, publicPlace } from '../tickets/ticket-privacy';

export type SimilarTicket = Readonly<{
  id: string;
  title: string;
  status: string;
  filedAt: string;
  location: TicketLocation | null;
  similarity: number;
}>;

const FINISHED = ['resolved', 'closed', 'withdrawn', 'merged'];
const WINDOW_DAYS = 14;
const LIMIT = 10;

/**
 * The candidates to merge a ticket into (SPEC §4.4): unfinished tickets of its community and
 * category (and building, when it names one) filed in the last 14 days, by pg_trgm's similarity of
 * their titles to its title, most similar first. The ticket itself must be in the caller's scope
 * (null otherwise: 404), and so must every candidate. Trigram similarity works for Chinese, where
 * words are not separated by spaces.
 */
export async function similarTickets(db: DataSource, actor: Principal, id: string, now: Date): Promise<SimilarTicket[] | null> {
  const repo = db.getRepository(TicketRow);
  const ticket = await scoped(repo.createQueryBuilder('t').where('t.id = :id', { id }), actor).getOne();
  if (!ticket) return null;
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000).toISOString();
  const qb = scoped(
    repo
      .createQueryBuilder('t')
      .where('t.community_id = :communityId AND t.category = :category AND t.id <> :id', {
        communityId: ticket.communityId,
        category: ticket.category,
        id,
      })
      .andWhere('t.status NOT IN (:...finished) AND t.filed_at >= :since', { finished: FINISHED, since }),
    actor,
  );
  if (ticket.building !== null) qb.andWhere('t.building = :building', { building: ticket.building });
  type Row = { id: string; title: string; status: string; filed_at: Date; location: TicketLocation | null; similarity: number };
  // What decides a neighbour's partial view (SPEC §4.7), read with each row.
  type Privacy = { community_id: string; reporter_id: string | null; company_id: string; anonymous: boolean; visibility: string };
  const rows: (Row & Privacy)[] = await qb
    .select(['t.id AS id', 't.title AS title', 't.status AS status', 't.filed_at AS filed_at', 't.location AS location'])
    .addSelect(['t.community_id AS community_id', 't.reporter_id AS reporter_id', 't.company_id AS company_id'])
    .addSelect(['t.anonymous AS anonymous', 't.visibility AS visibility'])
    .addSelect('similarity(t.title, :title)', 'similarity')
    .setParameter('title', ticket.title)
    .orderBy('similarity', 'DESC')
    .addOrderBy('t.filed_at', 'DESC')
    .addOrderBy('t.id', 'DESC')
    .limit(LIMIT)
    .getRawMany();
  const neighbour = (r: Privacy) =>
    asNeighbour(actor, {
      communityId: r.community_id,
      reporterId: r.reporter_id,
      companyId: r.company_id,
      anonymous: r.anonymous,
      visibility: r.visibility,
    });
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    status: r.status,
    filedAt: new Date(r.filed_at).toISOString(),
    location: neighbour(r) ? publicPlace(r.location) : r.location,
    similarity: Number(r.similarity),
  }));
}
