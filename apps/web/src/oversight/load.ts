import { api, call } from '../api/client';
import type { Page, Ticket } from '../api/views';
import type { Window } from './figures';
import type { Summary } from './types';

/** GET /dashboards/summary for one community and window (optionally grouped). */
export async function summary(
  communityId: string,
  window: Window,
  groupBy?: 'category' | 'building' | 'day',
  minPosition?: number,
): Promise<Summary> {
  const query = {
    communityId,
    from: window.from,
    to: window.to,
    ...(groupBy ? { groupBy } : {}),
    ...(minPosition ? { minPosition: String(minPosition) } : {}),
  };
  return (await call(api.GET('/dashboards/summary', { params: { query } }))) as unknown as Summary;
}

type TicketFilter = {
  communityId: string;
  status?: 'resolved' | 'closed';
  overdue?: boolean;
  escalationLevel?: 'committee' | 'party_branch' | 'neighbourhood' | 'subdistrict';
  limit?: number;
  minPosition?: number;
};

/** GET /tickets with the list's filters (SPEC §4.4), newest first. */
export async function tickets({ minPosition, limit, ...filter }: TicketFilter): Promise<Ticket[]> {
  const query = { ...filter, limit: limit ?? 50, ...(minPosition ? { minPosition: String(minPosition) } : {}) };
  return ((await call(api.GET('/tickets', { params: { query } }))) as unknown as Page<Ticket>).items;
}

export const LEVELS = ['committee', 'party_branch', 'neighbourhood', 'subdistrict'] as const;

/** Escalated tickets: the list filters one level at a time, so one call per level, newest first. */
export async function escalated(communityId: string, minPosition?: number): Promise<Ticket[]> {
  const pages = await Promise.all(LEVELS.map((escalationLevel) => tickets({ communityId, escalationLevel, limit: 20, minPosition })));
  return pages.flat().sort((a, b) => b.filedAt.localeCompare(a.filedAt));
}

/**
 * Follow-ups to do: resolved or closed tickets whose last follow-up did not reach the resident (or
 * that had none). The list has no follow-up filter, so the latest 50 of each status are looked at.
 */
export async function followUpsToDo(communityId: string, minPosition?: number): Promise<Ticket[]> {
  const [resolved, closed] = await Promise.all([
    tickets({ communityId, status: 'resolved', minPosition }),
    tickets({ communityId, status: 'closed', minPosition }),
  ]);
  return [...resolved, ...closed]
    .filter((x) => !(x.followUps?.last as { reached?: boolean } | null)?.reached)
    .sort((a, b) => (b.resolvedAt ?? b.filedAt).localeCompare(a.resolvedAt ?? a.filedAt));
}
