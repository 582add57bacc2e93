import { Query } from '@nestjs/cqrs';
import type { CommunityRow } from '@jinlin/projections';

export type CommunityListItem = Pick<CommunityRow, 'id' | 'name' | 'subdistrict' | 'neighbourhood' | 'propertyCompanyId'>;

export class ListCommunitiesQuery extends Query<{ items: CommunityListItem[] }> {}
