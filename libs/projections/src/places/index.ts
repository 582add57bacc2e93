import type { MigrationClass } from '../engine/classes';
import type { Projection } from '../engine/projection';
import { BuildingsProjection } from './buildings.projection';
import { TicketPlaces1764300060000 } from './1764300060000-ticket-places';
import { TicketMetricsBuilding1764300060100 } from './1764300060100-ticket-metrics-building';

export { BUILDINGS_PROJECTION } from './buildings.projection';
export { listBuildings, type BuildingView } from './buildings.query';
export { similarTickets, type SimilarTicket } from './similar.query';

/** Run after the tickets' own migrations: they change rm_tickets. */
export const PLACES_MIGRATIONS: MigrationClass[] = [TicketPlaces1764300060000, TicketMetricsBuilding1764300060100];
export const createPlacesProjections = (): Projection[] => [new BuildingsProjection()];
