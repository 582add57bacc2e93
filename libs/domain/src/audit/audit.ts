import type { Command, Event } from '../shared/command';

/** SPEC §8.1: the stream that holds the log's seals. */
export const AUDIT_SEALS_STREAM = 'audit-seals';

/**
 * A Merkle root over every stream's head (streamId, version, hash) at one point of the log. `upTo`
 * is the global position of the last event sealed; `checkpoint` is the store's own (opaque) name of
 * that point, from which the heads can be computed again; `streams` is the number of leaves.
 */
export type LogSealed = Event<'LogSealed', { upTo: number; checkpoint: string; streams: number; root: string; sealedAt: string }>;

export type AuditEvent = LogSealed;

export type SealLog = Command<'SealLog', { upTo: number; checkpoint: string; streams: number; root: string }>;

export type AuditCommand = SealLog;

export type LastSeal = Readonly<{ upTo: number; checkpoint: string; streams: number; root: string }>;

export type AuditState = Readonly<{ seals: number; last: LastSeal | null }>;

export const initialAudit = (): AuditState => ({ seals: 0, last: null });

export function evolveAudit(state: AuditState, event: AuditEvent): AuditState {
  switch (event.type) {
    case 'LogSealed': {
      const { upTo, checkpoint, streams, root } = event.data;
      return { seals: state.seals + 1, last: { upTo, checkpoint, streams, root } };
    }
    default: {
      const unknown: never = event.type;
      return unknown;
    }
  }
}

/**
 * Nothing to seal when the log has not moved since the last seal: the same point, or the same
 * heads (the seals' own stream is not among the leaves, so a seal alone does not move them).
 * Repeating a seal is therefore harmless, and a timer on several instances seals once.
 */
const unmoved = (last: LastSeal | null, data: SealLog['data']): boolean =>
  last !== null && (last.checkpoint === data.checkpoint || (last.root === data.root && last.streams === data.streams));

export function decideAudit(command: AuditCommand, state: AuditState): AuditEvent[] {
  switch (command.type) {
    case 'SealLog':
      if (unmoved(state.last, command.data)) return [];
      return [{ type: 'LogSealed', data: { ...command.data, sealedAt: command.metadata.now } }];
    default: {
      const unknown: never = command.type;
      return unknown;
    }
  }
}

export const auditDecider = { decide: decideAudit, evolve: evolveAudit, initialState: initialAudit };
