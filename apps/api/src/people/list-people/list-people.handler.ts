import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { hasRole, isCompanyUser, OVERSEER_ROLES, type Role } from '@jinlin/domain';
import { PeopleDirectory } from '../people-directory';
import { personView } from '../person-view';
import { ListPeopleQuery } from './list-people.query';

type Row = {
  id: string;
  roles: Role[];
  communities: string[];
  company_id: string | null;
  erased: boolean;
  name: string | null;
  phone: string | null;
  username: string | null;
};

/**
 * The directory's projection joined with the personal data, filtered to the caller's scope in SQL
 * (the same rules as canSeePerson, SPEC §2.1), so a page never holds someone the caller may not see.
 */
@QueryHandler(ListPeopleQuery)
export class ListPeopleHandler implements IQueryHandler<ListPeopleQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly directory: PeopleDirectory,
  ) {}

  async execute({ filter, actor }: ListPeopleQuery) {
    const limit = filter.limit ?? 50;
    const where: string[] = [];
    const values: unknown[] = [];
    const param = (v: unknown) => `$${values.push(v)}`;
    if (!hasRole(actor, 'admin')) {
      const scope = await this.directory.scopeOf(actor);
      const visible = [`p.id = ${param(actor.id)}`];
      if (isCompanyUser(actor)) {
        visible.push(`p.company_id = ${param(actor.companyId)}`);
        visible.push(`('resident' = ANY(p.roles) AND p.communities && ${param(scope.managedCommunities)}::text[])`);
      }
      if (hasRole(actor, ...OVERSEER_ROLES)) {
        visible.push(`p.communities && ${param(actor.communities)}::text[]`);
        visible.push(`p.company_id = ANY(${param(scope.companiesOfMyCommunities)}::text[])`);
      }
      where.push(`(${visible.join(' OR ')})`);
    }
    if (filter.communityId) where.push(`${param(filter.communityId)} = ANY(p.communities)`);
    if (filter.companyId) where.push(`p.company_id = ${param(filter.companyId)}`);
    if (filter.role) where.push(`${param(filter.role)} = ANY(p.roles)`);
    if (filter.q) {
      const like = param(`%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
      where.push(`(d.name ILIKE ${like} OR p.id ILIKE ${like})`);
    }
    if (filter.cursor) where.push(`p.id > ${param(filter.cursor)}`);
    const rows: Row[] = await this.db.query(
      `SELECT p.id, p.roles, p.communities, p.company_id, (p.erased OR d.erased_at IS NOT NULL) AS erased, d.name, d.phone, d.username
         FROM rm_people p LEFT JOIN pd_people d ON d.person_id = p.id
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.id LIMIT ${param(limit + 1)}`,
      values,
    );
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => personView(actor, { id: r.id, roles: r.roles, communities: r.communities, companyId: r.company_id }, r)),
      nextCursor: rows.length > limit ? page[page.length - 1].id : null,
    };
  }
}
