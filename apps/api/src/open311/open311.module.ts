import { Module } from '@nestjs/common';
import { TicketsModule } from '../tickets/tickets.module';
import { DiscoveryController } from './discovery/discovery.controller';
import { EraseContactDetailsController } from './erase-contact-details/erase-contact-details.controller';
import { FileServiceRequestController } from './file-service-request/file-service-request.controller';
import { GetServiceDefinitionController } from './get-service-definition/get-service-definition.controller';
import { GetServiceRequestController } from './get-service-request/get-service-request.controller';
import { ListServiceRequestsController } from './list-service-requests/list-service-requests.controller';
import { ListServiceRequestsHandler } from './list-service-requests/list-service-requests.handler';
import { ListServicesController } from './list-services/list-services.controller';
import { Open311Store } from './open311-store';

/**
 * SPEC §7: Open311 GeoReport v2 under /open311, a façade over the ticket commands and read models
 * (no ticket logic of its own). FileTicketCommand's handler lives in TicketsModule, on the same bus.
 */
@Module({
  imports: [TicketsModule],
  controllers: [
    DiscoveryController,
    ListServicesController,
    GetServiceDefinitionController,
    FileServiceRequestController,
    ListServiceRequestsController,
    GetServiceRequestController,
    EraseContactDetailsController,
  ],
  providers: [Open311Store, ListServiceRequestsHandler],
})
export class Open311Module {}
