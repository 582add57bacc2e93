import {
  firstResponseAfter,
  type FollowUpMethod,
  type TicketEvent,
  type TicketFiled,
  type TicketLocation,
  type WaitingOn,
} from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import { exhaustive } from '../engine/projection';

/** The latest 回访 as the ticket shows it (SPEC §4.8). */
export type LastFollowUp = { method: FollowUpMethod; reached: boolean; score: number | null; at: string; byId: string };

/** rm_tickets as plain data; timestamps as ISO strings. */
export type TicketRecord = {
  id: string;
  community_id: string;
  company_id: string;
  filed_company_id: string;
  category: string;
  title: string;
  description: string;
  location: TicketLocation | null;
  /** The location's registered building, for the list's filter. */
  building: string | null;
  channel: string;
  reporter_id: string | null;
  status: string;
  assignee_id: string | null;
  filed_at: string;
  first_response_at: string | null;
  first_action_at: string | null;
  acknowledged_at: string | null;
  resolved_at: string | null;
  closed_at: string | null;
  withdrawn_at: string | null;
  acknowledge_by: string;
  resolve_by: string;
  rating: number | null;
  rating_comment: string | null;
  escalation_level: string | null;
  action_count: number;
  reject_count: number;
  follow_up_count: number;
  last_follow_up: LastFollowUp | null;
  acknowledge_breached: boolean;
  resolve_breached: boolean;
  /** SPEC §4.9: TicketSlaWarning recorded, per deadline. */
  acknowledge_warned: boolean;
  resolve_warned: boolean;
  /** The wait in progress (status `waiting`), and the seconds all waits on the resident took. */
  waiting_on: WaitingOn | null;
  waiting_since: string | null;
  paused_seconds: number;
  version: number;
  position: number;
  anonymous: boolean;
  visibility: string;
  support_count: number;
  merged_into: string | null;
  merged_at: string | null;
};

export const TICKET_COLUMNS: Record<keyof TicketRecord, string> = {
  id: 'text',
  community_id: 'text',
  company_id: 'text',
  filed_company_id: 'text',
  category: 'text',
  title: 'text',
  description: 'text',
  location: 'jsonb',
  building: 'text',
  channel: 'text',
  reporter_id: 'text',
  status: 'text',
  assignee_id: 'text',
  filed_at: 'timestamptz',
  first_response_at: 'timestamptz',
  first_action_at: 'timestamptz',
  acknowledged_at: 'timestamptz',
  resolved_at: 'timestamptz',
  closed_at: 'timestamptz',
  withdrawn_at: 'timestamptz',
  acknowledge_by: 'timestamptz',
  resolve_by: 'timestamptz',
  rating: 'smallint',
  rating_comment: 'text',
  escalation_level: 'text',
  action_count: 'integer',
  reject_count: 'integer',
  follow_up_count: 'integer',
  last_follow_up: 'jsonb',
  acknowledge_breached: 'boolean',
  resolve_breached: 'boolean',
  acknowledge_warned: 'boolean',
  resolve_warned: 'boolean',
  waiting_on: 'text',
  waiting_since: 'timestamptz',
  paused_seconds: 'integer',
  version: 'integer',
  position: 'bigint',
  anonymous: 'boolean',
  visibility: 'text',
  support_count: 'integer',
  merged_into: 'text',
  merged_at: 'timestamptz',
};

type TicketStored = StoredEvent<TicketEvent>;

/** A resolve, a withdrawal or a merge ends the wait as the decider's state does. */
const NOT_WAITING = { waiting_on: null, waiting_since: null } as const;

function filed(e: StoredEvent<TicketFiled>): TicketRecord {
  const d = e.data;
  return {
    id: d.ticketId,
    community_id: d.communityId,
    company_id: d.companyId,
    filed_company_id: d.companyId,
    category: d.category,
    title: d.title,
    description: d.description,
    location: d.location ?? null,
    building: d.location?.building ?? null,
    channel: d.channel,
    reporter_id: d.reporterId,
    status: 'open',
    assignee_id: null,
    filed_at: d.filedAt,
    first_response_at: null,
    first_action_at: null,
    acknowledged_at: null,
    resolved_at: null,
    closed_at: null,
    withdrawn_at: null,
    acknowledge_by: d.acknowledgeBy,
    resolve_by: d.resolveBy,
    rating: null,
    rating_comment: null,
    escalation_level: null,
    action_count: 0,
    reject_count: 0,
    follow_up_count: 0,
    last_follow_up: null,
    acknowledge_breached: false,
    resolve_breached: false,
    acknowledge_warned: false,
    resolve_warned: false,
    waiting_on: null,
    waiting_since: null,
    paused_seconds: 0,
    version: e.streamVersion,
    position: e.globalPosition,
    anonymous: d.anonymous ?? false,
    visibility: d.visibility ?? 'private',
    support_count: 0,
    merged_into: null,
    merged_at: null,
  };
}

/**
 * One ticket row after one more event. Pure, so a batch can fold many events in memory and write
 * each touched row once; an event at or before the row's position changes nothing (replay-safe).
 */
export function evolveTicketRow(row: TicketRecord | undefined, e: TicketStored): TicketRecord | undefined {
  if (e.type === 'TicketFiled') return row ?? filed(e);
  if (!row || e.globalPosition <= row.position) return row;
  const next: TicketRecord = {
    ...row,
    first_response_at: firstResponseAfter(row.first_response_at, e),
    version: e.streamVersion,
    position: e.globalPosition,
  };
  switch (e.type) {
    case 'TicketAcknowledged':
      if (next.status === 'open') next.status = 'acknowledged';
      next.acknowledged_at = e.data.acknowledgedAt;
      break;
    case 'TicketAssigned':
      next.assignee_id = e.data.assigneeId;
      break;
    case 'TicketActionRecorded':
      // Work done while waiting (a visit nobody answered) leaves the wait as it is.
      Object.assign(next, { status: row.status === 'waiting' ? 'waiting' : 'in_progress', action_count: row.action_count + 1 });
      next.first_action_at ??= e.data.recordedAt;
      break;
    case 'TicketCommented':
      // Only the first response can change (a public comment by the company's staff counts).
      break;
    case 'TicketResolved':
      Object.assign(next, { status: 'resolved', resolved_at: e.data.resolvedAt, ...NOT_WAITING });
      break;
    case 'TicketResolutionConfirmed':
      Object.assign(next, { status: 'closed', closed_at: e.data.confirmedAt });
      break;
    case 'TicketAutoClosed':
      Object.assign(next, { status: 'closed', closed_at: e.data.closedAt });
      break;
    case 'TicketResolutionRejected':
      Object.assign(next, { status: 'in_progress', reject_count: row.reject_count + 1 });
      break;
    case 'TicketFollowedUp': {
      const { method, reached, score, followedUpAt: at, by } = e.data;
      Object.assign(next, { follow_up_count: row.follow_up_count + 1, last_follow_up: { method, reached, score, at, byId: by.id } });
      break;
    }
    case 'TicketReopened':
      next.status = 'in_progress';
      break;
    case 'TicketClosedByFollowUp':
      Object.assign(next, { status: 'closed', closed_at: e.data.closedAt });
      break;
    case 'TicketRated':
      Object.assign(next, { rating: e.data.score, rating_comment: e.data.comment ?? null });
      break;
    case 'TicketEscalated':
      next.escalation_level = e.data.level;
      break;
    case 'TicketWithdrawn':
      Object.assign(next, { status: 'withdrawn', withdrawn_at: e.data.withdrawnAt, ...NOT_WAITING });
      break;
    case 'TicketSlaBreached':
      if (e.data.kind === 'acknowledge') next.acknowledge_breached = true;
      else next.resolve_breached = true;
      break;
    case 'TicketTransferred':
      next.company_id = e.data.toCompanyId;
      break;
    case 'TicketSupported':
      next.support_count = row.support_count + 1;
      break;
    case 'TicketVisibilityChanged':
      next.visibility = e.data.visibility;
      break;
    case 'TicketDuplicateMerged':
      // The decider names a supporter only when they were not counted already.
      if (e.data.supporterId !== null) next.support_count = row.support_count + 1;
      break;
    case 'TicketMerged':
      Object.assign(next, { status: 'merged', merged_into: e.data.intoTicketId, merged_at: e.data.mergedAt, ...NOT_WAITING });
      break;
    case 'TicketWaiting':
      Object.assign(next, { status: 'waiting', waiting_on: e.data.on, waiting_since: e.data.waitingSince });
      break;
    case 'TicketResumed':
      Object.assign(next, {
        // Back to where it was (SPEC §4.2 rule 6): a ticket is in progress exactly when work was recorded.
        status: row.status === 'waiting' ? (row.action_count > 0 ? 'in_progress' : 'acknowledged') : row.status,
        ...NOT_WAITING,
        paused_seconds: row.paused_seconds + e.data.pausedSeconds,
        resolve_by: e.data.resolveBy ?? row.resolve_by,
      });
      break;
    case 'TicketSlaWarning':
      if (e.data.kind === 'acknowledge') next.acknowledge_warned = true;
      else next.resolve_warned = true;
      break;
    default:
      return exhaustive(e, next);
  }
  return next;
}
