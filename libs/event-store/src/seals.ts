import { createHash } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { StreamHead } from './event-store.port';

/**
 * The audit seal's Merkle root (SPEC §8.1) over stream heads. Leaves are sorted by stream id (in
 * UTF-16 code-unit order, the same in every process whatever the database's collation), so the
 * root depends only on the set of heads. leaf = sha256(streamId "\n" version "\n" hash), parent =
 * sha256(left ‖ right), an odd node is promoted unchanged, and no leaves give sha256("").
 * Changing, adding or removing any head changes the root.
 */
export function merkleRoot(heads: readonly StreamHead[]): string {
  let level = sortHeads(heads).map((h) => sha256(`${h.streamId}\n${h.version}\n${h.hash}`));
  if (level.length === 0) return sha256('').toString('hex');
  while (level.length > 1) {
    const next: Buffer[] = [];
    for (let i = 0; i < level.length; i += 2) next.push(i + 1 < level.length ? sha256(Buffer.concat([level[i], level[i + 1]])) : level[i]);
    level = next;
  }
  return level[0].toString('hex');
}

export const compareStreamIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export const sortHeads = (heads: readonly StreamHead[]): StreamHead[] =>
  [...heads].sort((a, b) => compareStreamIds(a.streamId, b.streamId));

/** The leaves as stored beside a seal: gzip of sorted "streamId\tversion\thash" lines. */
export function encodeLeaves(heads: readonly StreamHead[]): Buffer {
  return gzipSync(
    sortHeads(heads)
      .map((h) => `${h.streamId}\t${h.version}\t${h.hash}\n`)
      .join(''),
  );
}

export function decodeLeaves(stored: Buffer): StreamHead[] {
  const text = gunzipSync(stored).toString('utf8');
  return text
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [streamId, version, hash] = line.split('\t');
      return { streamId, version: Number(version), hash };
    });
}

function sha256(data: string | Buffer): Buffer {
  return createHash('sha256').update(data).digest();
}
