import type { EntityManager } from 'typeorm';
import type { HandoverEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import { exhaustive, type Projection } from '../engine/projection';

/** Handover progress for GET /handovers: steps with who/when/note, blockers, status. */
export class HandoversProjection implements Projection<HandoverEvent> {
  readonly name = 'handovers';
  readonly handles: readonly HandoverEvent['type'][] = [
    'HandoverStarted',
    'HandoverStepPlanned',
    'HandoverStepCompleted',
    'HandoverBlockerRaised',
    'HandoverBlockerResolved',
    'HandoverCompleted',
    'HandoverCancelled',
  ];
  readonly tables = ['rm_handovers'];

  async apply(events: readonly StoredEvent<HandoverEvent>[], tx: EntityManager): Promise<void> {
    for (const e of events) {
      if (e.type === 'HandoverStarted') {
        const d = e.data;
        await tx.query(
          `INSERT INTO rm_handovers (id, community_id, outgoing_company_id, reason, status, started_at, version, position)
           VALUES ($1, $2, $3, $4, 'active', $5, $6, $7) ON CONFLICT (id) DO NOTHING`,
          [d.handoverId, d.communityId, d.outgoingCompanyId, d.reason, d.startedAt, e.streamVersion, e.globalPosition],
        );
        continue;
      }
      const change = changeFor(e);
      if (!change) continue;
      await tx.query(`UPDATE rm_handovers SET ${change.set}, version = $3, position = $2 WHERE id = $1 AND position < $2`, [
        e.data.handoverId,
        e.globalPosition,
        e.streamVersion,
        ...change.params,
      ]);
    }
  }
}

type Change = Readonly<{ set: string; params: unknown[] }>;

/** SET clauses use $4.. for their own parameters. */
function changeFor(e: Exclude<HandoverEvent, { type: 'HandoverStarted' }>): Change | null {
  switch (e.type) {
    case 'HandoverStepPlanned': {
      const { handoverId: _, step, ...plan } = e.data;
      return { set: `plans = plans || jsonb_build_object($4::text, $5::jsonb)`, params: [step, JSON.stringify(plan)] };
    }
    case 'HandoverStepCompleted': {
      const { handoverId: _, step, ...record } = e.data;
      const incoming = step === 'selection' ? `, incoming_company_id = $6` : '';
      return {
        set: `steps = steps || jsonb_build_object($4::text, $5::jsonb)${incoming}`,
        params: [step, JSON.stringify(record), ...(incoming ? [e.data.incomingCompanyId] : [])],
      };
    }
    case 'HandoverBlockerRaised': {
      const { n, text, raisedAt, by } = e.data;
      return {
        set: `blockers = blockers || $4::jsonb`,
        params: [JSON.stringify([{ n, text, raisedAt, by, resolvedAt: null, note: null }])],
      };
    }
    case 'HandoverBlockerResolved':
      return {
        set: `blockers = (SELECT jsonb_agg(CASE WHEN (b->>'n')::int = $4 THEN b || jsonb_build_object('resolvedAt', $5::text, 'note', $6::text) ELSE b END ORDER BY (b->>'n')::int)
                         FROM jsonb_array_elements(blockers) b)`,
        params: [e.data.n, e.data.resolvedAt, e.data.note],
      };
    case 'HandoverCompleted':
      return { set: `status = 'completed', finished_at = $4`, params: [e.data.completedAt] };
    case 'HandoverCancelled':
      return { set: `status = 'cancelled', finished_at = $4`, params: [e.data.cancelledAt] };
    default:
      return exhaustive(e, null);
  }
}
