import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { completePolicy, DEFAULT_WORKING_HOURS, DomainError, isCategory, type SlaPolicy } from '@jinlin/domain';
import { CommunityRow } from '@jinlin/projections';
import { GetCommunityQuery, type CommunityView } from './get-community.query';

@QueryHandler(GetCommunityQuery)
export class GetCommunityHandler implements IQueryHandler<GetCommunityQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ communityId }: GetCommunityQuery): Promise<CommunityView> {
    const row = await this.db.getRepository(CommunityRow).findOneBy({ id: communityId });
    if (!row) throw new DomainError('COMMUNITY_NOT_FOUND');
    // Policies set before SPEC §4.9 carry the minutes only: shown with the defaults tickets get.
    const slaPolicies: Record<string, SlaPolicy> = {};
    for (const [category, stored] of Object.entries(row.slaPolicies)) {
      if (isCategory(category)) slaPolicies[category] = completePolicy(category, stored);
    }
    return {
      id: row.id,
      name: row.name,
      subdistrict: row.subdistrict,
      neighbourhood: row.neighbourhood,
      households: row.households,
      propertyCompanyId: row.propertyCompanyId,
      slaPolicies,
      workingHours: row.workingHours ?? DEFAULT_WORKING_HOURS,
    };
  }
}
