import type { EntityClass, MigrationClass } from './engine/classes';
export type { EntityClass, MigrationClass } from './engine/classes';
import { ProjectionCheckpoints1764300001000 } from './engine/migrations/1764300001000-projection-checkpoints';
import { ReferenceData1764300002000 } from './reference-data/1764300002000-reference-data';
import { CommunityWorkingHours1764300090000 } from './reference-data/1764300090000-community-working-hours';
import { CommunityRow } from './reference-data/reference-data.entities';
import { ReferenceDataProjection } from './reference-data/reference-data.projection';
import { Tickets1764300003000 } from './tickets/1764300003000-tickets';
import { TicketReporterNullable1764300030000 } from './tickets/1764300030000-ticket-reporter-nullable';
import { TicketVisibility1764300080000 } from './tickets/1764300080000-ticket-visibility';
import { TicketRow } from './tickets/ticket.entity';
import { TicketFollowUps1764300070000 } from './tickets/1764300070000-ticket-follow-ups';
import { TicketWaiting1764300091000 } from './tickets/1764300091000-ticket-waiting';
import { TicketsProjection } from './tickets/tickets.projection';
import type { Projection } from './engine/projection';
import { DASHBOARD_MIGRATIONS, createDashboardProjections } from './dashboard';
import { HANDOVER_ENTITIES, HANDOVER_MIGRATIONS, createHandoverProjections } from './handovers';
import { SLA_MIGRATIONS, createSlaProjections } from './sla';
import { PEOPLE_MIGRATIONS, createPeopleProjections } from './people';
import { PLACES_MIGRATIONS, createPlacesProjections } from './places';
import { WEBHOOK_MIGRATIONS } from './webhooks';

export * from './engine/projection';
export * from './engine/projection-engine';
export * from './engine/projection-runner';
export * from './engine/rebuild';
export * from './engine/wakeable-pause';
export * from './engine/checkpoints';

export * from './reference-data/reference-data.entities';
export * from './tickets/ticket.entity';
export * from './tickets/ticket.view';
export * from './tickets/ticket.queries';
export * from './tickets/ticket-privacy';

export const PROJECTION_ENGINE_MIGRATIONS = [ProjectionCheckpoints1764300001000];
export const READ_MODEL_MIGRATIONS: MigrationClass[] = [
  ReferenceData1764300002000,
  Tickets1764300003000,
  ...DASHBOARD_MIGRATIONS,
  ...HANDOVER_MIGRATIONS,
  ...SLA_MIGRATIONS,
  ...PEOPLE_MIGRATIONS,
  TicketReporterNullable1764300030000,
  TicketVisibility1764300080000,
  ...PLACES_MIGRATIONS,
  TicketFollowUps1764300070000,
  CommunityWorkingHours1764300090000,
  ...WEBHOOK_MIGRATIONS,
  TicketWaiting1764300091000,
];
/**
 * Only the tables read through TypeORM repositories; the others are written and read with plain
 * SQL, and their migrations alone define them.
 */
export const READ_MODEL_ENTITIES: EntityClass[] = [CommunityRow, TicketRow, ...HANDOVER_ENTITIES];
export const createReadModelProjections = (): Projection[] => [
  new ReferenceDataProjection(),
  new TicketsProjection(),
  ...createDashboardProjections(),
  ...createHandoverProjections(),
  ...createSlaProjections(),
  ...createPeopleProjections(),
  ...createPlacesProjections(),
];
export * from './dashboard';
export * from './handovers';
export * from './sla';
export * from './people';
export * from './places';
export * from './notifications';
export * from './webhooks';
