import { canonicalJson, chainHash } from './kurrent-hash';

const fields = {
  streamId: 's',
  version: 1,
  type: 'A',
  schemaVersion: 1,
  data: { b: 1, a: '电梯' },
  metadata: { actor: { id: 'u' } },
  recordedAt: '2026-11-28T00:00:00.000Z',
};

describe('KurrentDB hash chain', () => {
  it('when keys come in another order, the encoding and the hash are the same', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(chainHash('', fields)).toBe(chainHash('', { ...fields, data: { a: '电梯', b: 1 } }));
  });
  it('when any field or the previous hash differs, the hash differs', () => {
    const base = chainHash('', fields);
    expect(chainHash('x', fields)).not.toBe(base);
    expect(chainHash('', { ...fields, version: 2 })).not.toBe(base);
    expect(chainHash('', { ...fields, data: { a: '电梯', b: 2 } })).not.toBe(base);
  });
});
