import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { AUDIT_SEALS_STREAM, DomainError, type AuditEvent, type Principal } from '@jinlin/domain';
import { EVENT_STORE, type EventStore } from '@jinlin/event-store';
import type { SealsDto } from './list-seals.dto';
import { ListSealsQuery } from './list-seals.query';

/** Those who countersign or supervise (SPEC §8.1); the officials' roles are named as the tokens spell them. */
const SEAL_READERS: readonly string[] = ['committee', 'secretary', 'neighbourhood', 'subdistrict', 'admin'];

const mayReadSeals = (user: Principal) => user.roles.some((role) => SEAL_READERS.includes(role));

@QueryHandler(ListSealsQuery)
export class ListSealsHandler implements IQueryHandler<ListSealsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ user, from, to }: ListSealsQuery): Promise<SealsDto> {
    if (!mayReadSeals(user)) throw new DomainError('SEALS_NOT_ALLOWED');
    const events = await this.store.readStream<AuditEvent>(AUDIT_SEALS_STREAM);
    const seals = events
      .filter((e) => {
        const at = Date.parse(e.data.sealedAt);
        return (from === null || at >= from) && (to === null || at < to);
      })
      .map((e) => ({
        position: e.globalPosition,
        upTo: e.data.upTo,
        streams: e.data.streams,
        root: e.data.root,
        sealedAt: e.data.sealedAt,
      }));
    return { seals: seals.reverse() };
  }
}
