import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { scoped, TicketRow, ticketView, visibleTo } from '@jinlin/projections';
import { Open311Store } from '../open311-store';
import { ticketStatusesOf, toServiceRequest, type ServiceRequest } from '../service-request.mapping';
import { ListServiceRequestsQuery } from './list-service-requests.query';

export const MAX_REQUESTS = 1000;

/**
 * Reads rm_tickets through the JSON API's own scope (`scoped`) and privacy (`visibleTo`), so a
 * service request is seen by exactly those who see the ticket, as they see it.
 */
@QueryHandler(ListServiceRequestsQuery)
export class ListServiceRequestsHandler implements IQueryHandler<ListServiceRequestsQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly open311: Open311Store,
  ) {}

  async execute({ user, filters: f, origin }: ListServiceRequestsQuery): Promise<ServiceRequest[]> {
    const qb = scoped(this.db.getRepository(TicketRow).createQueryBuilder('t').where('true'), user);
    if (f.communityId) qb.andWhere('t.community_id = :communityId', { communityId: f.communityId });
    if (f.ids) qb.andWhere('t.id IN (:...ids)', { ids: f.ids.length ? f.ids : [''] });
    if (f.category) qb.andWhere('t.category = :category', { category: f.category });
    if (f.status) qb.andWhere('t.status IN (:...statuses)', { statuses: ticketStatusesOf(f.status) });
    if (f.from) qb.andWhere('t.filed_at >= :from', { from: f.from });
    if (f.to) qb.andWhere('t.filed_at <= :to', { to: f.to });
    const rows = await qb.orderBy('t.filed_at', 'DESC').addOrderBy('t.id', 'DESC').limit(MAX_REQUESTS).getMany();
    const tickets = rows.map((r) => visibleTo(user, ticketView(r)));
    const ids = tickets.map((t) => t.id);
    const [companies, photos, facts] = await Promise.all([this.companyNames(rows), this.firstPhotos(ids), this.open311.facts(ids)]);
    return tickets.map((t) =>
      toServiceRequest(t, {
        companyName: (id) => companies.get(id) ?? null,
        facts: facts.get(t.id),
        photoUrl: photos.has(t.id) ? `${origin}/attachments/${photos.get(t.id)}` : null,
      }),
    );
  }

  private async companyNames(rows: TicketRow[]): Promise<Map<string, string>> {
    const ids = [...new Set(rows.map((r) => r.companyId))];
    if (!ids.length) return new Map();
    const found: { id: string; name: string }[] = await this.db.query(`SELECT id, name FROM rm_companies WHERE id = ANY($1)`, [ids]);
    return new Map(found.map((c) => [c.id, c.name]));
  }

  /** The first photo of each filing (what neighbours may see too), one query for the page. */
  private async firstPhotos(ticketIds: string[]): Promise<Map<string, string>> {
    if (!ticketIds.length) return new Map();
    const found: { ticket: string; id: string }[] = await this.db.query(
      `SELECT DISTINCT ON (attached_to_ticket) attached_to_ticket::text AS ticket, id::text AS id FROM attachments
        WHERE attached_to_ticket = ANY($1::uuid[]) AND attached_event = 'TicketFiled'
        ORDER BY attached_to_ticket, attached_at, attach_order`,
      [ticketIds],
    );
    return new Map(found.map((p) => [p.ticket, p.id]));
  }
}
