import { Command } from '@nestjs/cqrs';
import type { SealOutcome } from './seal-log';

/** Seal the log now (the daily timer sends it); nothing is appended when it has not moved since the last seal. */
export class SealLogCommand extends Command<SealOutcome> {
  constructor(readonly now: Date) {
    super();
  }
}
