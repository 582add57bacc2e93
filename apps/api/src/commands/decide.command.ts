import { Inject } from '@nestjs/common';
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { Event } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { CommandContext } from './command-context';
import { runDecider, type CommandResult, type Decision, type Evolver } from './run-decider';

/** One write to one stream: what to fold, what to decide. Each use case's controller builds one. */
export type DecideArgs<State, E> = Readonly<{
  id: string;
  streamId: string;
  evolver: Evolver<State, E>;
  decide: (state: State) => E[] | Decision<E> | Promise<E[] | Decision<E>>;
  ctx: CommandContext;
  /** The stream id was just made up (a new UUID): decide on the empty state without reading it. */
  freshStream?: boolean;
  onGuardChanged?: (streamId: string) => void;
}>;

export class DecideCommand<State = any, E extends Event<string, object> = any> extends Command<CommandResult> {
  constructor(readonly args: DecideArgs<State, E>) {
    super();
  }
}

@CommandHandler(DecideCommand)
export class DecideCommandHandler implements ICommandHandler<DecideCommand> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  execute(command: DecideCommand): Promise<CommandResult> {
    return runDecider(this.store, command.args);
  }
}
