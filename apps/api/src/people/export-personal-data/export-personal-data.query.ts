import { Query } from '@nestjs/cqrs';
import type { Principal, Role, TicketLocation } from '@jinlin/domain';

export type PersonalDataExport = Readonly<{
  exportedAt: string;
  profile: {
    id: string;
    name: string | null;
    phone: string | null;
    username: string | null;
    hasPassword: boolean;
    roles: readonly Role[];
    communities: readonly string[];
    companyId: string | null;
    createdAt: string | null;
    updatedAt: string | null;
    erasedAt: string | null;
  };
  sessions: { createdAt: string; expiresAt: string; revokedAt: string | null }[];
  reportedTickets: {
    id: string;
    communityId: string;
    category: string;
    title: string;
    description: string;
    location: TicketLocation | null;
    status: string;
    filedAt: string;
    rating: number | null;
    ratingComment: string | null;
  }[];
  /** Contact details given with Open311 requests filed for the person (SPEC §7). */
  open311Contacts: {
    ticketId: string;
    email: string | null;
    firstName: string | null;
    lastName: string | null;
    phone: string | null;
    createdAt: string;
  }[];
  /** Said plainly, as the README says it. */
  notes: string[];
}>;

export class ExportPersonalDataQuery extends Query<PersonalDataExport> {
  constructor(
    readonly personId: string,
    readonly actor: Principal,
  ) {
    super();
  }
}
