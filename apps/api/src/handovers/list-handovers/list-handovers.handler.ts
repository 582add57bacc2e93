import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { HandoverRow, handoverView, ownerIds } from '@jinlin/projections';
import { PeopleDirectory } from '../../people/people-directory';
import { canSeeHandoverRow } from '../handover-visibility';
import { ListHandoversQuery } from './list-handovers.query';

const LIST_MAX = 200;
const LIST_PAGE = 200;

@QueryHandler(ListHandoversQuery)
export class ListHandoversHandler implements IQueryHandler<ListHandoversQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ user, communityId }: ListHandoversQuery) {
    // The domain's rule decides what the caller may see, so rows are read a page at a time until
    // LIST_MAX visible ones are found: a fixed window of the newest would hide a committee's own
    // handovers behind many newer ones elsewhere.
    const visible: HandoverRow[] = [];
    for (let after: HandoverRow | undefined; visible.length < LIST_MAX;) {
      const qb = this.db
        .getRepository(HandoverRow)
        .createQueryBuilder('h')
        .orderBy('h.started_at', 'DESC')
        .addOrderBy('h.id', 'DESC')
        .limit(LIST_PAGE);
      if (communityId) qb.andWhere('h.community_id = :communityId', { communityId });
      if (after) qb.andWhere('(h.started_at, h.id) < (:startedAt, :id)', { startedAt: after.startedAt, id: after.id });
      const rows = await qb.getMany();
      visible.push(...rows.filter((r) => canSeeHandoverRow(user, r)));
      if (rows.length < LIST_PAGE) break;
      after = rows[rows.length - 1];
    }
    const rows = visible.slice(0, LIST_MAX);
    const names = await this.people.names(ownerIds(rows));
    const now = new Date();
    return { items: rows.map((r) => handoverView(r, now, names)) };
  }
}
