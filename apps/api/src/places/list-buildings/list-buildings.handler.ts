import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { listBuildings } from '@jinlin/projections';
import { ListBuildingsQuery } from './list-buildings.query';

@QueryHandler(ListBuildingsQuery)
export class ListBuildingsHandler implements IQueryHandler<ListBuildingsQuery> {
  constructor(private readonly db: DataSource) {}

  async execute({ communityId, user }: ListBuildingsQuery) {
    return { items: await listBuildings(this.db, user, communityId) };
  }
}
