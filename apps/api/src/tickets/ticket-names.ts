import { SYSTEM_PRINCIPAL } from '@jinlin/domain';
import type { VisibleTicketView } from '@jinlin/projections';
import type { PeopleDirectory } from '../people/people-directory';

/** Names are the directory's, resolved at read time: never in an event or a read model (SPEC §2.1). */
export type NamedTicketView = VisibleTicketView & Readonly<{ reporterName: string | null; assigneeName: string | null }>;

/**
 * The reporter's and the assignee's display names for a page of tickets, in one query: null for
 * an id the directory does not hold (or no one), [已删除] for an erased person.
 */
export async function withNames(people: PeopleDirectory, tickets: readonly VisibleTicketView[]): Promise<NamedTicketView[]> {
  const ids = tickets.flatMap((t) => [t.reporterId, t.assigneeId]).filter((id): id is string => id !== null);
  const names = await people.names(ids);
  const nameOf = (id: string | null) => (id === null ? null : (names.get(id) ?? null));
  return tickets.map((t) => ({ ...t, reporterName: nameOf(t.reporterId), assigneeName: nameOf(t.assigneeId) }));
}

/** What the service's own processes (the SLA timer, the resume on a reporter's comment) are called. */
export const SYSTEM_NAME = '系统';

/** An actor's display name: the directory's, 系统 for the service itself, null for an id nobody holds. */
export const actorName = (names: ReadonlyMap<string, string>, id: string): string | null =>
  names.get(id) ?? (id === SYSTEM_PRINCIPAL.id ? SYSTEM_NAME : null);
