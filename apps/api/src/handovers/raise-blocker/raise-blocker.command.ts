import { Command } from '@nestjs/cqrs';
import type { CommandContext } from '../../commands/command-context';
import type { CommandResult } from '../../commands/handle-command';

/** `n`: the blocker's number, from 1 per handover; absent when a replayed Idempotency-Key decided nothing. */
export type BlockerRaised = CommandResult & Readonly<{ n: number | undefined }>;

export class RaiseBlockerCommand extends Command<BlockerRaised> {
  constructor(
    readonly handoverId: string,
    readonly text: string,
    readonly ctx: CommandContext,
  ) {
    super();
  }
}
