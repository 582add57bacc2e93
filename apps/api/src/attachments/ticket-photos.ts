import { Inject, Injectable } from '@nestjs/common';
import type { AttachmentRef } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { CommandContext } from '../commands/command-context';
import { AttachmentStore, type AttachTarget } from './attachment-store';

export type Photos = { attachments?: readonly AttachmentRef[] };

/**
 * How a ticket command takes `attachmentIds`: the uploads are checked and marked attached in a
 * transaction that commits only once `run` (handleCommand) has appended the event carrying them.
 */
@Injectable()
export class TicketPhotos {
  constructor(
    private readonly attachments: AttachmentStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async attach<T>(ids: readonly string[] | undefined, ctx: CommandContext, target: AttachTarget, run: (photos: Photos) => Promise<T>) {
    if (!ids?.length) return run({});
    // A repeat of an answered request: its uploads are attached already, and handleCommand replays the answer.
    if (await this.answered(ctx)) return run({});
    try {
      return await this.attachments.attach(ids, ctx.actor.id, target, (attachments) => run({ attachments }));
    } catch (error) {
      // A twin of this request (same key) held the uploads' row locks and attached them: its answer is ours.
      if (await this.answered(ctx)) return run({});
      throw error;
    }
  }

  private async answered(ctx: CommandContext): Promise<boolean> {
    return !!ctx.idempotency && !!(await this.store.findIdempotency(ctx.actor.id, ctx.idempotency.key));
  }
}
