import { canSeeHandover, type ActiveHandover, type Principal } from '@jinlin/domain';
import type { HandoverRow } from '@jinlin/projections';

/** The domain's rule judges a read-model row as it would the handover: only who and where matter to it. */
const asState = (row: HandoverRow): ActiveHandover => ({
  exists: true as const,
  id: row.id,
  communityId: row.communityId,
  outgoingCompanyId: row.outgoingCompanyId,
  incomingCompanyId: row.incomingCompanyId,
  status: row.status as 'active',
  done: new Set<never>(),
  blockers: 0,
  openBlockers: new Set<number>(),
});

export const canSeeHandoverRow = (user: Principal, row: HandoverRow): boolean => canSeeHandover(user, asState(row));
