import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { AuditTimer } from './audit-timer';
import { ListSealsController } from './list-seals/list-seals.controller';
import { ListSealsHandler } from './list-seals/list-seals.handler';
import { SealLogHandler } from './seal-log/seal-log.handler';

/** SPEC §8.1: the log's seals — made daily and on demand, listed, and checked by audit:verify. */
@Module({
  controllers: [ListSealsController],
  providers: [
    SealLogHandler,
    ListSealsHandler,
    {
      provide: AuditTimer,
      inject: [EVENT_STORE, DataSource, CommandBus, APP_CONFIG],
      useFactory: (store: EventStore, dataSource: DataSource, bus: CommandBus, config: AppConfig) =>
        new AuditTimer(store, dataSource, bus, config.timers),
    },
  ],
  exports: [AuditTimer],
})
export class AuditModule {}
