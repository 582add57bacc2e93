import { Query } from '@nestjs/cqrs';

/** A property company as the read side knows it: its name and the communities it manages now. */
export type CompanyListItem = Readonly<{ id: string; name: string; registeredAt: string; communities: string[] }>;

export class ListCompaniesQuery extends Query<{ items: CompanyListItem[] }> {}
