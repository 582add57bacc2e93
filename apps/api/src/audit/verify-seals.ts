import { AUDIT_SEALS_STREAM, type AuditEvent, type LogSealed } from '@jinlin/domain';
import { merkleRoot, type Checkpoint, type EventStore, type StreamHead } from '@jinlin/event-store';
import { sealable } from './seal-log/seal-log';
import { loadSealLeaves, type SqlRunner } from './seal-leaves';

export type SealReport = Readonly<{ seals: number; failed: number }>;

/**
 * Checks every seal against the log (SPEC §8.1): the heads at its checkpoint, recomputed, must
 * give its root. When they do not, its stored leaves name the streams whose heads changed — unless
 * they were altered too (they no longer hash to the root), which is then what it says.
 */
export async function verifySeals(store: EventStore, db: SqlRunner, write: (line: string) => void): Promise<SealReport> {
  const seals = await store.readStream<AuditEvent>(AUDIT_SEALS_STREAM);
  let failed = 0;
  for (const { data: seal } of seals) {
    const now = (await store.streamHeads(seal.checkpoint as Checkpoint)).filter(sealable);
    if (merkleRoot(now) === seal.root) continue;
    failed += 1;
    const tag = `SEAL ${seal.root.slice(0, 12)} (upTo ${seal.upTo})`;
    const stored = await loadSealLeaves(db, seal.root);
    if (stored === null) write(`${tag}: the log no longer gives its root, and its stored leaves are missing`);
    else if (stored === 'unreadable' || merkleRoot(stored) !== seal.root)
      write(`${tag}: the log no longer gives its root, and its stored leaves were altered (they do not hash to the root)`);
    else for (const line of differences(stored, now)) write(`${tag}: ${line}`);
  }
  return { seals: seals.length, failed };
}

/** One line per stream whose head at the seal's point is not the sealed one. */
function differences(sealed: readonly StreamHead[], now: readonly StreamHead[]): string[] {
  const current = new Map(now.map((h) => [h.streamId, h]));
  const lines: string[] = [];
  for (const s of sealed) {
    const c = current.get(s.streamId);
    current.delete(s.streamId);
    if (c && c.version === s.version && c.hash === s.hash) continue;
    lines.push(
      `stream ${s.streamId} sealed at version ${s.version} hash ${s.hash}, ${c ? `now version ${c.version} hash ${c.hash}` : 'now missing'}`,
    );
  }
  for (const c of current.values()) lines.push(`stream ${c.streamId} not sealed, now version ${c.version} hash ${c.hash}`);
  return lines;
}

export const sealSummary = (seal: LogSealed['data']): string =>
  `sealed ${seal.streams} streams up to position ${seal.upTo} at ${seal.sealedAt}: root ${seal.root}`;
