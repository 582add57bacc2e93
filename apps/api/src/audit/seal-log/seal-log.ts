import { AUDIT_SEALS_STREAM, auditDecider, type AuditEvent, type AuditState, type LogSealed, type Principal } from '@jinlin/domain';
import { merkleRoot, type EventStore, type StoreHead, type StreamHead } from '@jinlin/event-store';
import type { CommandContext } from '../../commands/command-context';
import { handleCommand } from '../../commands/handle-command';
import { saveSealLeaves, type SqlRunner } from '../seal-leaves';

export const AUDIT_SYSTEM: Principal = { id: 'system:audit', roles: ['admin'], communities: [] };

export type SealOutcome = Readonly<{ sealed: boolean; seal: LogSealed['data'] | null; position: number }>;

/** How long a seal waits for transactions open when it started to end (they may land before its point). */
const SETTLE_MS = 5_000;

/**
 * Seals the log (SPEC §8.1): every stream's head at the store's settled head, their Merkle root,
 * the leaves stored under the root before the seal is appended, then LogSealed through the audit
 * decider, which appends nothing when the heads are those of the last seal. The seals' own stream
 * is not among the leaves: a seal would otherwise always find the log moved by the one before.
 * The service's handler and `npm run audit:seal` both call this.
 */
export async function sealLog(store: EventStore, db: SqlRunner, now: Date, actor: Principal = AUDIT_SYSTEM): Promise<SealOutcome> {
  const at = await settledPoint(store);
  if (!at.checkpoint) return { sealed: false, seal: null, position: 0 };
  const heads = (await store.streamHeads(at.checkpoint)).filter(sealable);
  const root = merkleRoot(heads);
  await saveSealLeaves(db, root, heads);
  const ctx: CommandContext = { actor, now: now.toISOString(), correlationId: `audit-seal:${now.toISOString()}` };
  const data = { upTo: at.position, checkpoint: at.checkpoint, streams: heads.length, root };
  const result = await handleCommand<AuditState, AuditEvent>(
    store,
    AUDIT_SEALS_STREAM,
    auditDecider,
    (state) => ({ events: auditDecider.decide({ type: 'SealLog', data, metadata: { actor, now: ctx.now } }, state) }),
    { id: AUDIT_SEALS_STREAM, ctx },
  );
  if (result.position > 0) return { sealed: true, seal: { ...data, sealedAt: ctx.now }, position: result.position };
  const seals = await store.readStream<AuditEvent>(AUDIT_SEALS_STREAM);
  const last = seals[seals.length - 1];
  return { sealed: false, seal: last ? last.data : null, position: last?.globalPosition ?? 0 };
}

export const sealable = (head: StreamHead): boolean => head.streamId !== AUDIT_SEALS_STREAM;

/** The settled head once it has passed what was committed when the seal began (or after SETTLE_MS, whatever it is then). */
async function settledPoint(store: EventStore): Promise<StoreHead> {
  const target = await store.head();
  const deadline = Date.now() + SETTLE_MS;
  let at = await store.settledHead();
  while (target.checkpoint && !(await store.covers(at.checkpoint, target.position)) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    at = await store.settledHead();
  }
  return at;
}
