import { Command } from '@nestjs/cqrs';
import type { CalendarYearBody } from '@jinlin/domain';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

export class SetCalendarYearCommand extends Command<CommandResult> {
  constructor(
    readonly year: number,
    readonly body: CalendarYearBody,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
