import type { Location, TicketStatus } from '../api/views';

/** GET /tickets/:id/similar's items (apps/api/src/places/similar-tickets). */
export type Similar = { id: string; title: string; status: TicketStatus; filedAt: string; location: Location | null; similarity: number };

/** The commands on a ticket the staff and manager screens send (POST /tickets/:id/<action>). */
export type TicketAction =
  'acknowledge' | 'assign' | 'actions' | 'comments' | 'wait' | 'resume' | 'resolve' | 'merge' | 'escalate' | 'visibility';

/** libs/domain CHANNELS: the ones a company files by on a resident's behalf. */
export const BEHALF_CHANNELS = ['phone', 'walk_in', 'group_chat', 'tea_talk'] as const;
export const WAITING_ON = ['resident', 'parts', 'third_party'] as const;
export const ESCALATION_LEVELS = ['committee', 'party_branch', 'neighbourhood', 'subdistrict'] as const;
