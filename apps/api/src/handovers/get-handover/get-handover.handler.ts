import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { DomainError } from '@jinlin/domain';
import { HandoverRow, handoverView, ownerIds } from '@jinlin/projections';
import { PeopleDirectory } from '../../people/people-directory';
import { canSeeHandoverRow } from '../handover-visibility';
import { GetHandoverQuery } from './get-handover.query';

@QueryHandler(GetHandoverQuery)
export class GetHandoverHandler implements IQueryHandler<GetHandoverQuery> {
  constructor(
    private readonly db: DataSource,
    private readonly people: PeopleDirectory,
  ) {}

  async execute({ user, handoverId }: GetHandoverQuery) {
    const row = await this.db.getRepository(HandoverRow).findOneBy({ id: handoverId });
    if (!row || !canSeeHandoverRow(user, row)) throw new DomainError('HANDOVER_NOT_FOUND');
    return handoverView(row, new Date(), await this.people.names(ownerIds([row])));
  }
}
