import type { Type } from '@nestjs/common';
import { AttachmentsModule } from './attachments/attachments.module';
import { AuditModule } from './audit/audit.module';
import { CalendarsModule } from './calendars/calendars.module';
import { DashboardsModule } from './dashboards/dashboards.module';
import { PeopleModule } from './people/people.module';
import { PlacesModule } from './places/places.module';
import { HandoversModule } from './handovers/handovers.module';
import { NotificationsModule } from './notifications/notifications.module';
import { Open311Module } from './open311/open311.module';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { SlaModule } from './sla/sla.module';
import { TicketsModule } from './tickets/tickets.module';
import { WebhooksModule } from './webhooks/webhooks.module';

/** Feature modules (one folder per feature), wired into the app here. */
export const FEATURE_MODULES: Type[] = [
  CalendarsModule,
  PeopleModule,
  ReferenceDataModule,
  TicketsModule,
  SlaModule,
  DashboardsModule,
  HandoversModule,
  AuditModule,
  AttachmentsModule,
  PlacesModule,
  NotificationsModule,
  WebhooksModule,
  Open311Module,
];
