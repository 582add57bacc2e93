import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@jinlin/event-store';
import type { Projection } from '../engine/projection';

const COMPANY_ROLES = ['staff', 'manager'];

/**
 * The ticket list and detail. Each update only applies to a row whose stored position is older,
 * so a replayed event changes nothing.
 */
export class TicketsProjection implements Projection {
  readonly name = 'tickets';
  readonly handles = [
    'TicketFiled',
    'TicketAcknowledged',
    'TicketAssigned',
    'TicketActionRecorded',
    'TicketCommented',
    'TicketResolved',
    'TicketResolutionConfirmed',
    'TicketResolutionRejected',
    'TicketRated',
    'TicketEscalated',
    'TicketWithdrawn',
    'TicketAutoClosed',
    'TicketSlaBreached',
    'TicketTransferred',
  ];
  readonly tables = ['rm_tickets'];

  async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const e of events) {
      if (e.type === 'TicketFiled') await insertFiled(e, tx);
      else {
        const change = changeFor(e);
        if (change) await update(tx, e, change.set, change.params);
      }
    }
  }
}

async function insertFiled(e: StoredEvent, tx: EntityManager): Promise<void> {
  const d = e.data as Record<string, any>;
  await tx.query(
    `INSERT INTO rm_tickets (id, community_id, company_id, filed_company_id, category, title, description, location, channel,
       reporter_id, status, filed_at, acknowledge_by, resolve_by, version, position)
     VALUES ($1, $2, $3, $3, $4, $5, $6, $7, $8, $9, 'open', $10, $11, $12, $13, $14) ON CONFLICT (id) DO NOTHING`,
    [d.ticketId, d.communityId, d.companyId, d.category, d.title, d.description, d.location, d.channel, d.reporterId, d.filedAt, d.acknowledgeBy, d.resolveBy, e.streamVersion, e.globalPosition],
  );
}

type Change = { set: string; params: unknown[] };

/** SET clauses use $3.. for their own parameters; $1 is the id, $2 the position. */
function changeFor(e: StoredEvent): Change | null {
  const d = e.data as Record<string, any>;
  const responded = `first_response_at = coalesce(first_response_at, $3)`;
  switch (e.type) {
    case 'TicketAcknowledged':
      return { set: `status = CASE WHEN status = 'open' THEN 'acknowledged' ELSE status END, acknowledged_at = $3, ${responded}`, params: [d.acknowledgedAt] };
    case 'TicketAssigned':
      return { set: `assignee_id = $3`, params: [d.assigneeId] };
    case 'TicketActionRecorded':
      return { set: `status = 'in_progress', action_count = action_count + 1, first_action_at = coalesce(first_action_at, $3), ${responded}`, params: [d.recordedAt] };
    case 'TicketCommented':
      // A public comment by the company's staff counts as a first response.
      return !d.internal && d.by?.roles?.some((r: string) => COMPANY_ROLES.includes(r)) ? { set: responded, params: [d.commentedAt] } : { set: '', params: [] };
    case 'TicketResolved':
      return { set: `status = 'resolved', resolved_at = $3, ${responded}`, params: [d.resolvedAt] };
    case 'TicketResolutionConfirmed':
      return { set: `status = 'closed', closed_at = $3`, params: [d.confirmedAt] };
    case 'TicketAutoClosed':
      return { set: `status = 'closed', closed_at = $3`, params: [d.closedAt] };
    case 'TicketResolutionRejected':
      return { set: `status = 'in_progress', reject_count = reject_count + 1`, params: [] };
    case 'TicketRated':
      return { set: `rating = $3, rating_comment = $4`, params: [d.score, d.comment] };
    case 'TicketEscalated':
      return { set: `escalation_level = $3`, params: [d.level] };
    case 'TicketWithdrawn':
      return { set: `status = 'withdrawn', withdrawn_at = $3`, params: [d.withdrawnAt] };
    case 'TicketSlaBreached':
      return { set: d.kind === 'acknowledge' ? `acknowledge_breached = true` : `resolve_breached = true`, params: [] };
    case 'TicketTransferred':
      return { set: `company_id = $3`, params: [d.toCompanyId] };
    default:
      return null;
  }
}

async function update(tx: EntityManager, e: StoredEvent, set: string, params: unknown[]): Promise<void> {
  const assignments = [set, `version = ${Number(e.streamVersion)}`, `position = $2`].filter(Boolean).join(', ');
  await tx.query(`UPDATE rm_tickets SET ${assignments} WHERE id = $1 AND position < $2`, [(e.data as { ticketId: string }).ticketId, e.globalPosition, ...params]);
}
