import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import { SealLogCommand } from './seal-log.command';
import { sealLog } from './seal-log';

@CommandHandler(SealLogCommand)
export class SealLogHandler implements ICommandHandler<SealLogCommand> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly db: DataSource,
  ) {}

  execute({ now }: SealLogCommand) {
    return sealLog(this.store, this.db, now);
  }
}
