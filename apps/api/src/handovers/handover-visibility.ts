import { canSeeHandover, type Principal } from '@jinlin/domain';
import type { HandoverRow } from '@jinlin/projections';

/** The domain's rule judges a read-model row as it would the handover: only who and where matter to it. */
export const canSeeHandoverRow = (user: Principal, row: HandoverRow): boolean => canSeeHandover(user, row);
