import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { CommunityRow } from '@jinlin/projections';
import { ListCommunitiesQuery } from './list-communities.query';

@QueryHandler(ListCommunitiesQuery)
export class ListCommunitiesHandler implements IQueryHandler<ListCommunitiesQuery> {
  constructor(private readonly db: DataSource) {}

  async execute() {
    const rows = await this.db.getRepository(CommunityRow).find({ order: { id: 'ASC' } });
    return {
      items: rows.map((r) => ({
        id: r.id,
        name: r.name,
        subdistrict: r.subdistrict,
        neighbourhood: r.neighbourhood,
        propertyCompanyId: r.propertyCompanyId,
      })),
    };
  }
}
