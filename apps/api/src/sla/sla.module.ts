import { Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/app-config';
import { APP_CONFIG } from '../config/config.token';
import { RecordDeadlineHandler } from './record-deadline/record-deadline.handler';
import { SetSlaPolicyController } from './set-sla-policy/set-sla-policy.controller';
import { SetSlaPolicyHandler } from './set-sla-policy/set-sla-policy.handler';
import { SLA_CLOCK, systemClock, type Clock } from './sla-clock';
import { SlaTimer } from './sla-timer';

@Module({
  controllers: [SetSlaPolicyController],
  providers: [
    SetSlaPolicyHandler,
    RecordDeadlineHandler,
    { provide: SLA_CLOCK, useValue: systemClock },
    {
      provide: SlaTimer,
      inject: [CommandBus, DataSource, SLA_CLOCK, APP_CONFIG],
      useFactory: (commands: CommandBus, dataSource: DataSource, clock: Clock, config: AppConfig) =>
        new SlaTimer(commands, dataSource, clock, config.timers),
    },
  ],
  exports: [SlaTimer],
})
export class SlaModule {}
