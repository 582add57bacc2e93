import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { ListCompaniesQuery, type CompanyListItem } from './list-companies.query';

@QueryHandler(ListCompaniesQuery)
export class ListCompaniesHandler implements IQueryHandler<ListCompaniesQuery> {
  constructor(private readonly db: DataSource) {}

  async execute(): Promise<{ items: CompanyListItem[] }> {
    const rows: { id: string; name: string; registered_at: Date; communities: string[] }[] = await this.db.query(`
      SELECT c.id, c.name, c.registered_at,
             coalesce(array_agg(m.id ORDER BY m.id) FILTER (WHERE m.id IS NOT NULL), '{}') AS communities
        FROM rm_companies c LEFT JOIN rm_communities m ON m.property_company_id = c.id
       GROUP BY c.id ORDER BY c.id`);
    return {
      items: rows.map((r) => ({ id: r.id, name: r.name, registeredAt: r.registered_at.toISOString(), communities: r.communities })),
    };
  }
}
