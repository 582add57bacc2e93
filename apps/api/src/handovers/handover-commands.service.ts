import { Injectable, type PipeTransform } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { decideHandover, DomainError, handoverDecider, handoverStream, type HandoverCommand, type HandoverEvent } from '@jinlin/domain';
import { answer } from '../commands/answer';
import type { CommandContext } from '../commands/command-context';
import { DecideCommand } from '../commands/decide.command';
import type { CommandResult } from '../commands/run-decider';

type Make = (metadata: { actor: CommandContext['actor']; now: string }) => HandoverCommand;

@Injectable()
export class HandoverCommands {
  constructor(private readonly commands: CommandBus) {}

  /** Runs a handover command; `seen` receives the events that were appended (e.g. a blocker's number). */
  async execute(
    reply: FastifyReply,
    id: string,
    ctx: CommandContext,
    make: Make,
    seen?: (events: HandoverEvent[]) => void,
  ): Promise<CommandResult> {
    const result = await this.commands.execute(
      new DecideCommand({
        id,
        streamId: handoverStream(id),
        evolver: handoverDecider,
        ctx,
        decide: (state) => {
          const events = decideHandover(make({ actor: ctx.actor, now: ctx.now }), state);
          seen?.(events);
          return events;
        },
      }),
    );
    return answer(reply, result);
  }
}

const HANDOVER_ID = /^[a-z0-9-]{2,64}-h\d{1,6}$/;

export class HandoverIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!HANDOVER_ID.test(value)) throw new DomainError('HANDOVER_NOT_FOUND');
    return value;
  }
}
