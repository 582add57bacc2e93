import { Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { SetSlaPolicyController } from './set-sla-policy/set-sla-policy.controller';
import { SLA_CLOCK, systemClock, type Clock } from './sla-clock';
import { SlaTimer } from './sla-timer';

@Module({
  controllers: [SetSlaPolicyController],
  providers: [
    { provide: SLA_CLOCK, useValue: systemClock },
    {
      provide: SlaTimer,
      inject: [EVENT_STORE, DataSource, SLA_CLOCK, APP_CONFIG],
      useFactory: (store: EventStore, dataSource: DataSource, clock: Clock, config: AppConfig) =>
        new SlaTimer(store, dataSource, clock, config.timers),
    },
  ],
  exports: [SlaTimer],
})
export class SlaModule {}
