import { createHash } from 'node:crypto';

/** This service's own UUID namespace for ids derived from handovers (made once, at random). */
const HANDOVER_NAMESPACE = '6f1d2c1e-6a43-4b8e-9d0c-3b1f5e7a9c21';

/** RFC 9562 §5.5: the same namespace and name give the same UUID, anywhere. */
export function uuidV5(namespace: string, name: string): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * The n-th defect of a handover always names the same ticket, so filing it again meets the same
 * stream (and finds it filed): a crash and re-run of the handover process files nothing twice.
 */
export const defectTicketId = (handoverId: string, n: number): string => uuidV5(HANDOVER_NAMESPACE, `${handoverId}/defect/${n}`);
