import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { ListBuildingsController } from './list-buildings/list-buildings.controller';
import { ListBuildingsHandler } from './list-buildings/list-buildings.handler';
import { SetBuildingController } from './set-building/set-building.controller';
import { SetBuildingHandler } from './set-building/set-building.handler';
import { SimilarTicketsController } from './similar-tickets/similar-tickets.controller';
import { SimilarTicketsHandler } from './similar-tickets/similar-tickets.handler';

/** SPEC §3 buildings, §4.5 places and §4.4's similar tickets. */
@Module({
  imports: [TicketsModule],
  controllers: [SetBuildingController, ListBuildingsController, SimilarTicketsController],
  providers: [SetBuildingHandler, ListBuildingsHandler, SimilarTicketsHandler],
})
export class PlacesModule {}
