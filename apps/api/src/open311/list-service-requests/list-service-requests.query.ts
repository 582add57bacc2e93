import { Query } from '@nestjs/cqrs';
import type { Principal } from '@jinlin/domain';
import type { Open311Status, ServiceRequest } from '../service-request.mapping';

export type ServiceRequestFilters = Readonly<{
  communityId?: string;
  ids?: readonly string[];
  category?: string;
  status?: Open311Status;
  from?: Date;
  to?: Date;
}>;

/** SPEC §7: the tickets in the caller's scope as service requests, newest first, at most 1000. */
export class ListServiceRequestsQuery extends Query<ServiceRequest[]> {
  constructor(
    readonly user: Principal,
    readonly filters: ServiceRequestFilters,
    /** `https://host:port`: where this request came in, for absolute photo URLs. */
    readonly origin: string,
  ) {
    super();
  }
}
