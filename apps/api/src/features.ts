import type { Type } from '@nestjs/common';
import { DecideCommandHandler } from './commands/decide.command';
import { ReferenceDataModule } from './reference-data/reference-data.module';
import { TicketsModule } from './tickets/tickets.module';

/** Feature modules (one folder per feature), wired into the app here. */
export const FEATURE_MODULES: Type[] = [ReferenceDataModule, TicketsModule];

export const COMMAND_HANDLERS: Type[] = [DecideCommandHandler];
