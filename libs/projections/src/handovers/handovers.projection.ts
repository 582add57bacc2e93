import type { EntityManager } from 'typeorm';
import type { StoredEvent } from '@jinlin/event-store';
import type { Projection } from '../engine/projection';

/** Handover progress for GET /handovers: steps with who/when/note, blockers, status. */
export class HandoversProjection implements Projection {
  readonly name = 'handovers';
  readonly handles = [
    'HandoverStarted',
    'HandoverStepCompleted',
    'HandoverBlockerRaised',
    'HandoverBlockerResolved',
    'HandoverCompleted',
    'HandoverCancelled',
  ];
  readonly tables = ['rm_handovers'];

  async apply(events: readonly StoredEvent[], tx: EntityManager): Promise<void> {
    for (const e of events) {
      const d = e.data as Record<string, any>;
      if (e.type === 'HandoverStarted') {
        await tx.query(
          `INSERT INTO rm_handovers (id, community_id, outgoing_company_id, reason, status, started_at, version, position)
           VALUES ($1, $2, $3, $4, 'active', $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [d.handoverId, d.communityId, d.outgoingCompanyId, d.reason, d.startedAt, e.streamVersion, e.globalPosition],
        );
        continue;
      }
      const change = changeFor(e.type, d);
      if (!change) continue;
      await tx.query(`UPDATE rm_handovers SET ${change.set}, version = $3, position = $2 WHERE id = $1 AND position < $2`, [
        d.handoverId,
        e.globalPosition,
        e.streamVersion,
        ...change.params,
      ]);
    }
  }
}

/** SET clauses use $4.. for their own parameters. */
function changeFor(type: string, d: Record<string, any>): { set: string; params: unknown[] } | null {
  switch (type) {
    case 'HandoverStepCompleted': {
      const { handoverId: _, step, ...record } = d;
      const incoming = step === 'selection' ? `, incoming_company_id = $6` : '';
      return {
        set: `steps = steps || jsonb_build_object($4::text, $5::jsonb)${incoming}`,
        params: [step, JSON.stringify(record), ...(incoming ? [d.incomingCompanyId] : [])],
      };
    }
    case 'HandoverBlockerRaised':
      return {
        set: `blockers = blockers || $4::jsonb`,
        params: [JSON.stringify([{ n: d.n, text: d.text, raisedAt: d.raisedAt, by: d.by, resolvedAt: null, note: null }])],
      };
    case 'HandoverBlockerResolved':
      return {
        set: `blockers = (SELECT jsonb_agg(CASE WHEN (b->>'n')::int = $4 THEN b || jsonb_build_object('resolvedAt', $5::text, 'note', $6::text) ELSE b END ORDER BY (b->>'n')::int)
                         FROM jsonb_array_elements(blockers) b)`,
        params: [d.n, d.resolvedAt, d.note],
      };
    case 'HandoverCompleted':
      return { set: `status = 'completed', finished_at = $4`, params: [d.completedAt] };
    case 'HandoverCancelled':
      return { set: `status = 'cancelled', finished_at = $4`, params: [d.cancelledAt] };
    default:
      return null;
  }
}
