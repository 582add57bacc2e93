import { createHash } from 'node:crypto';
import { decodeLeaves, encodeLeaves, merkleRoot } from './seals';

const sha = (data: string | Buffer) => createHash('sha256').update(data).digest();
const leaf = (id: string, v: number, h: string) => sha(`${id}\n${v}\n${h}`);
const H = (c: string) => c.repeat(64);
const a = { streamId: 'a', version: 1, hash: H('1') };
const b = { streamId: 'b', version: 2, hash: H('2') };
const c = { streamId: 'c', version: 3, hash: H('3') };

describe('merkleRoot', () => {
  it('when there are no heads, the root is sha256 of nothing', () =>
    expect(merkleRoot([])).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'));

  it('when there is one head, the root is its leaf', () => expect(merkleRoot([a])).toBe(leaf('a', 1, H('1')).toString('hex')));

  it('when there are two heads, the root hashes both leaves in stream order', () =>
    expect(merkleRoot([b, a])).toBe(sha(Buffer.concat([leaf('a', 1, H('1')), leaf('b', 2, H('2'))])).toString('hex')));

  it('when there are three heads, the odd one is promoted to the next level', () => {
    const ab = sha(Buffer.concat([leaf('a', 1, H('1')), leaf('b', 2, H('2'))]));
    expect(merkleRoot([a, b, c])).toBe(sha(Buffer.concat([ab, leaf('c', 3, H('3'))])).toString('hex'));
  });

  it('when the heads come in another order, the root is the same', () => {
    const many = Array.from({ length: 37 }, (_, i) => ({ streamId: `ticket-${i}`, version: i + 1, hash: H((i % 10).toString()) }));
    expect(merkleRoot([...many].reverse())).toBe(merkleRoot(many));
    expect(merkleRoot([many[5], ...many.slice(0, 5), ...many.slice(6)])).toBe(merkleRoot(many));
  });

  it('when any leaf changes, is added or is removed, the root changes', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({ streamId: `s-${i}`, version: 3, hash: H('a') }));
    const root = merkleRoot(many);
    for (let i = 0; i < many.length; i++) {
      expect(merkleRoot(many.map((h, j) => (j === i ? { ...h, version: 2 } : h)))).not.toBe(root);
      expect(merkleRoot(many.map((h, j) => (j === i ? { ...h, hash: H('b') } : h)))).not.toBe(root);
      expect(merkleRoot(many.filter((_, j) => j !== i))).not.toBe(root);
    }
    expect(merkleRoot([...many, { streamId: 's-9', version: 1, hash: H('a') }])).not.toBe(root);
  });
});

describe('stored leaves', () => {
  it('when leaves are encoded and decoded, the sorted heads come back', () =>
    expect(decodeLeaves(encodeLeaves([c, a, { streamId: '工单-1', version: 9, hash: H('f') }, b]))).toEqual([
      a,
      b,
      c,
      { streamId: '工单-1', version: 9, hash: H('f') },
    ]));
});
