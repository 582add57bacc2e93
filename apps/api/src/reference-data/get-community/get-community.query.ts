import { Query } from '@nestjs/cqrs';
import type { SlaPolicy, WorkingHours } from '@jinlin/domain';
import type { CommunityRow } from '@jinlin/projections';

export type CommunityView = Pick<CommunityRow, 'id' | 'name' | 'subdistrict' | 'neighbourhood' | 'households' | 'propertyCompanyId'> & {
  slaPolicies: Record<string, SlaPolicy>;
  workingHours: WorkingHours;
};

export class GetCommunityQuery extends Query<CommunityView> {
  constructor(readonly communityId: string) {
    super();
  }
}
