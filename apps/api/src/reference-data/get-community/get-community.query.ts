import { Query } from '@nestjs/cqrs';
import type { CommunityRow } from '@jinlin/projections';

export type CommunityView = Pick<
  CommunityRow,
  'id' | 'name' | 'subdistrict' | 'neighbourhood' | 'households' | 'propertyCompanyId' | 'slaPolicies'
>;

export class GetCommunityQuery extends Query<CommunityView> {
  constructor(readonly communityId: string) {
    super();
  }
}
