import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { CommunityRow } from '@jinlin/projections';
import { GetCommunityQuery } from './get-community.query';

@QueryHandler(GetCommunityQuery)
export class GetCommunityHandler implements IQueryHandler<GetCommunityQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ communityId }: GetCommunityQuery) {
    const row = await this.db.getRepository(CommunityRow).findOneBy({ id: communityId });
    if (!row) throw new DomainError('COMMUNITY_NOT_FOUND');
    return {
      id: row.id,
      name: row.name,
      subdistrict: row.subdistrict,
      neighbourhood: row.neighbourhood,
      households: row.households,
      propertyCompanyId: row.propertyCompanyId,
      slaPolicies: row.slaPolicies,
    };
  }
}
