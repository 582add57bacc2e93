import type { EntityManager } from 'typeorm';
import type { TicketEvent } from '@jinlin/domain';
import type { StoredEvent } from '@jinlin/event-store';
import type { Projection } from '../engine/projection';
import { Deltas } from './deltas';
import { addDailyDeltas, addHistDeltas, loadMetrics, saveMetrics } from './metrics-writes';
import { METRIC_EVENT_TYPES, evolveMetric, type TicketMetric } from './ticket-metric';

export const TICKET_METRICS_PROJECTION = 'ticket-metrics';
export const TICKET_METRICS_TABLES = ['rm_ticket_metrics', 'rm_ticket_metrics_daily', 'rm_ticket_metrics_hist'];

/**
 * Per-ticket durations and flags, and their sums per filing day, community, company and category.
 * A batch is folded in memory and written in a handful of statements. Each ticket row keeps the
 * position of its last event, so an event handed over again changes neither the row nor the sums.
 */
export class TicketMetricsProjection implements Projection<TicketEvent> {
  readonly name = TICKET_METRICS_PROJECTION;
  readonly handles = METRIC_EVENT_TYPES;
  readonly tables = TICKET_METRICS_TABLES;

  async apply(events: readonly StoredEvent<TicketEvent>[], tx: EntityManager): Promise<void> {
    const ids = [...new Set(events.map((e) => e.data.ticketId))];
    const before = new Map((await loadMetrics(tx, ids)).map((m) => [m.id, m]));
    const after = new Map<string, TicketMetric>(before);
    for (const e of events) {
      const id = e.data.ticketId;
      const current = after.get(id) ?? null;
      const next = evolveMetric(current, e);
      if (next && next !== current) after.set(id, next);
    }
    const changed = [...after.values()].filter((m) => m !== before.get(m.id));
    if (!changed.length) return;
    const deltas = new Deltas();
    for (const m of changed) {
      const old = before.get(m.id);
      if (old) deltas.add(old, -1);
      deltas.add(m, 1);
    }
    await saveMetrics(tx, changed);
    await addDailyDeltas(tx, deltas.dailyRows());
    await addHistDeltas(tx, deltas.histRows());
  }
}
